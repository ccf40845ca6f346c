// The tensor-count check's plan and verdict (issue 7: "tensor count flat over 1,000 steps"). Pure
// TS, no tfjs: which steps are sampled or read back, how many steps fit the time budget, and
// whether the samples are flat.
import type { TensorCountSample } from './types.ts';

/** tf.memory() is recorded after these steps (those that run) and after the last one. */
export const CHECKPOINTS = [1, 10, 100, 1000];

/** The loss is also read back every this many steps, so GPU queues drain as the app's loop does. */
export const READBACK_EVERY = 50;

/** After this many steps the time per step is known and the run is planned. */
export const PLAN_AFTER = 10;

export function targetSteps(short: boolean): number {
  return short ? 200 : 1000;
}

/** Seconds the check may take per backend; SwiftShader's GPU backends need it. */
export function budgetSeconds(short: boolean): number {
  return short ? 20 : 60;
}

export function isSampleStep(step: number, last: number): boolean {
  return step === last || CHECKPOINTS.includes(step);
}

export function isReadbackStep(step: number, last: number): boolean {
  return isSampleStep(step, last) || step % READBACK_EVERY === 0;
}

export interface Plan {
  steps: number;
  /** Why fewer than the target, or null. */
  shortfall: string | null;
}

/**
 * How many steps to run in all, after `done` steps took `elapsed` seconds and steps now take
 * `secondsPerStep` each: the target if it fits the budget, otherwise as many as fit (a multiple of
 * ten, at least `done`), with the reason.
 */
export function planSteps(
  target: number,
  done: number,
  elapsed: number,
  secondsPerStep: number,
  budget: number,
): Plan {
  const projected = elapsed + (target - done) * secondsPerStep;
  if (target <= done || projected <= budget)
    return { steps: Math.max(target, done), shortfall: null };
  const fit = done + Math.floor(Math.max(0, budget - elapsed) / secondsPerStep);
  const steps = Math.max(done, Math.floor(fit / 10) * 10);
  const perStep = secondsPerStep * 1000;
  return {
    steps,
    shortfall:
      `${steps} of ${target} steps: ${target} would take about ${Math.round(projected)} s at ` +
      `${perStep.toFixed(perStep < 10 ? 1 : 0)} ms a step (budget ${budget} s)`,
  };
}

export interface Verdict {
  flat: boolean;
  tensorGrowth: number;
  byteGrowth: number;
}

/** Flat: every sample holds as many tensors as the first (after step 1); null without samples. */
export function judgeFlat(samples: TensorCountSample[]): Verdict | null {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (first === undefined || last === undefined) return null;
  return {
    flat: samples.every((s) => s.numTensors === first.numTensors),
    tensorGrowth: last.numTensors - first.numTensors,
    byteGrowth: last.numBytes - first.numBytes,
  };
}
