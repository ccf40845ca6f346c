// The reducer's side of issue 4's controls: the live learning rate, runs until stopped, the NaN
// recovery, Reset, and the measured speed the model-size panel estimates from.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { INITIAL_STATE, beginRun, reduceTrainerEvent, resetRun } from './store.ts';
import { progress, reduceAll, sample, started } from './trainerEvents.fixture.ts';

const request = { corpusName: 'Tiny', backend: 'cpu' as const, hyper: DEFAULT_HYPERPARAMETERS };

describe('reduceTrainerEvent, run controls', () => {
  it('records the learning rate in use from each progress event', () => {
    const state = reduceAll([started, progress(1, 3, 0.004), progress(4, 5, 0.0097)]);
    expect(state.learningRate).toBe(0.0097);
  });

  it('keeps a null total when the run trains until stopped', () => {
    const state = reduceTrainerEvent(INITIAL_STATE, { ...started, totalSteps: null });
    expect(state.run?.totalSteps).toBeNull();
  });

  it('drops losses after the restored step on a NaN recovery and records the message', () => {
    const before = reduceAll([
      started,
      progress(1, 12),
      { type: 'validation', step: 5, epoch: 0.05, loss: 3 },
      { type: 'validation', step: 10, epoch: 0.1, loss: Number.NaN },
      sample(10),
    ]);
    const message =
      'The loss became NaN at step 12: back to step 8, learning rate halved to 0.005.';
    const state = reduceTrainerEvent(before, {
      type: 'recovered',
      step: 8,
      learningRate: 0.005,
      message,
    });
    expect(state.trainLoss.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(state.valLoss.map((p) => p.step)).toEqual([5]);
    expect(state.samples).toBe(before.samples);
    expect(state.step).toBe(8);
    expect(state.epoch).toBeCloseTo(0.08);
    expect(state.learningRate).toBe(0.005);
    expect(state.recovery).toEqual({ step: 8, learningRate: 0.005, message });
  });

  it('keeps the same points array when a recovery drops nothing', () => {
    const before = reduceAll([started, progress(1, 4)]);
    const state = reduceTrainerEvent(before, {
      type: 'recovered',
      step: 4,
      learningRate: 0.005,
      message: 'm',
    });
    expect(state.trainLoss).toBe(before.trainLoss);
  });

  it('forgets a recovery when the next run starts', () => {
    const recovered = reduceAll([
      started,
      progress(1, 4),
      { type: 'recovered', step: 2, learningRate: 0.005, message: 'm' },
    ]);
    expect(reduceTrainerEvent(recovered, started).recovery).toBeNull();
    expect(beginRun(recovered, request).recovery).toBeNull();
  });

  it('measures throughput as chars/s and the FLOPs per character of the run being measured', () => {
    const state = reduceAll([started, progress(1, 2)], beginRun(INITIAL_STATE, request));
    // 1 LSTM layer of 128 over 65 one-hot characters: 3 x (2 x 128 x 65 + 2 x 512 x 128).
    expect(state.throughput).toEqual({
      charsPerSec: 16_000,
      flopsPerChar: 3 * (2 * 128 * 65 + 2 * 512 * 128),
      backend: null,
    });
    // Kept for the next run's estimate until that run measures its own.
    expect(beginRun(state, request).throughput).toBe(state.throughput);
  });

  it('goes back to idle on Reset, forgetting the run but not the measured speed', () => {
    const old = reduceAll(
      [started, progress(1, 10), sample(10), { type: 'phase', phase: 'paused', message: '' }],
      beginRun(INITIAL_STATE, request),
    );
    const state = resetRun(old, 42);
    expect(state.phase).toBe('idle');
    expect(state.runId).toBe(old.runId + 1);
    expect(state.trainLoss).toEqual([]);
    expect(state.samples).toEqual([]);
    expect(state.run).toBeNull();
    expect(state.request).toBeNull();
    expect(state.reset).toEqual({ seed: 42 });
    expect(state.throughput).toBe(old.throughput);
    expect(beginRun(state, request).reset).toBeNull();
  });
});
