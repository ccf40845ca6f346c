import { describe, expect, it } from 'vitest';
import { isReadbackStep, isSampleStep, judgeFlat, planSteps, targetSteps } from './tensorPlan.ts';
import type { TensorCountSample } from './types.ts';

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const sample = (step: number, numTensors: number, numBytes = 1000): TensorCountSample => ({
  step,
  numTensors,
  numBytes,
  loss: 4,
});

describe('the tensor-count plan', () => {
  it('samples after step 1, 10, 100 and 1,000, and after the last step', () => {
    expect(upTo(1000).filter((s) => isSampleStep(s, 1000))).toEqual([1, 10, 100, 1000]);
    expect(upTo(230).filter((s) => isSampleStep(s, 230))).toEqual([1, 10, 100, 230]);
  });

  it('reads the loss back every 50 steps as well as at the samples', () => {
    expect(upTo(230).filter((s) => isReadbackStep(s, 230))).toEqual([
      1, 10, 50, 100, 150, 200, 230,
    ]);
  });

  it('asks for 1,000 steps, 200 in short mode', () => {
    expect(targetSteps(false)).toBe(1000);
    expect(targetSteps(true)).toBe(200);
  });

  it('keeps the target when it fits the budget', () => {
    expect(planSteps(1000, 10, 0.5, 0.02, 60)).toEqual({ steps: 1000, shortfall: null });
  });

  it('runs as many steps as fit, a multiple of ten, and says why', () => {
    // 10 steps took 5 s; at 0.25 s a step, 55 s more fit 220 steps.
    const plan = planSteps(1000, 10, 5, 0.25, 60);
    expect(plan.steps).toBe(230);
    expect(plan.shortfall).toBe(
      '230 of 1000 steps: 1000 would take about 253 s at 250 ms a step (budget 60 s)',
    );
  });

  it('never plans fewer steps than have run', () => {
    const plan = planSteps(1000, 10, 90, 5, 60);
    expect(plan.steps).toBe(10);
    expect(plan.shortfall).toMatch(/^10 of 1000 steps/);
  });
});

describe('the flatness verdict', () => {
  it('is flat when every count equals the count after step 1', () => {
    const samples = [sample(1, 40), sample(10, 40), sample(100, 40), sample(1000, 40)];
    expect(judgeFlat(samples)).toEqual({ flat: true, tensorGrowth: 0, byteGrowth: 0 });
  });

  it('is not flat when a count strays, even if the last comes back', () => {
    const samples = [sample(1, 40), sample(10, 41, 1004), sample(100, 40)];
    expect(judgeFlat(samples)).toEqual({ flat: false, tensorGrowth: 0, byteGrowth: 0 });
  });

  it('reports the growth in tensors and bytes', () => {
    const samples = [sample(1, 40, 1000), sample(1000, 1039, 4996)];
    expect(judgeFlat(samples)).toEqual({ flat: false, tensorGrowth: 999, byteGrowth: 3996 });
  });

  it('has no verdict without samples', () => {
    expect(judgeFlat([])).toBeNull();
  });
});
