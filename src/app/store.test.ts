import { describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../workers/protocol.ts';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import {
  INITIAL_STATE,
  MAX_SAMPLES,
  beginRun,
  isActivePhase,
  reduceTrainerEvent,
} from './store.ts';
import { progress, reduceAll, sample, started } from './trainerEvents.fixture.ts';

describe('reduceTrainerEvent', () => {
  it('starts idle with nothing charted', () => {
    expect(INITIAL_STATE.phase).toBe('idle');
    expect(INITIAL_STATE.trainLoss).toEqual([]);
    expect(isActivePhase(INITIAL_STATE.phase)).toBe(false);
  });

  it('records the backend, its software flag and the skipped backends with reasons', () => {
    const state = reduceTrainerEvent(INITIAL_STATE, {
      type: 'backend',
      name: 'wasm',
      software: false,
      detail: 'SIMD, 4 threads',
      skipped: [{ name: 'webgpu', reason: 'navigator.gpu is undefined' }],
    });
    expect(state.backend).toEqual({
      name: 'wasm',
      software: false,
      detail: 'SIMD, 4 threads',
      skipped: [{ name: 'webgpu', reason: 'navigator.gpu is undefined' }],
    });
  });

  it('follows phase events and keeps their message', () => {
    const state = reduceTrainerEvent(INITIAL_STATE, {
      type: 'phase',
      phase: 'initialising',
      message: 'Checking the wasm backend…',
    });
    expect(state.phase).toBe('initialising');
    expect(state.phaseMessage).toBe('Checking the wasm backend…');
    expect(isActivePhase(state.phase)).toBe(true);
  });

  it('stores the run numbers from the started event', () => {
    const state = reduceTrainerEvent(INITIAL_STATE, started);
    expect(state.run).toEqual({
      vocabSize: 65,
      trainChars: 9000,
      valChars: 1000,
      stepsPerEpoch: 100,
      totalSteps: 200,
      paramCount: 100_000,
    });
  });

  it('appends progress points in order and advances the step, epoch and throughput', () => {
    const state = reduceAll([started, progress(1, 3), progress(4, 5)]);
    expect(state.trainLoss.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    expect(state.step).toBe(5);
    expect(state.epoch).toBeCloseTo(0.05);
    expect(state.stepsPerSec).toBe(10);
    expect(state.charsPerSec).toBe(16_000);
  });

  it('keeps the same points array when a progress event carries no points', () => {
    const before = reduceAll([started, progress(1, 3)]);
    const after = reduceTrainerEvent(before, {
      type: 'progress',
      points: [],
      step: 4,
      epoch: 0.04,
      stepsPerSec: 9,
      charsPerSec: 15_000,
      learningRate: 0.01,
    });
    expect(after.trainLoss).toBe(before.trainLoss);
    expect(after.step).toBe(4);
  });

  it('does not mutate the previous state', () => {
    const before = reduceAll([started, progress(1, 2)]);
    const snapshot = structuredClone(before);
    reduceAll(
      [progress(3, 4), sample(4), { type: 'validation', step: 4, epoch: 0.04, loss: 3 }],
      before,
    );
    expect(before).toEqual(snapshot);
  });

  it('appends validation losses with their step and epoch', () => {
    const state = reduceAll([
      started,
      { type: 'validation', step: 50, epoch: 0.5, loss: 2.5 },
      { type: 'validation', step: 100, epoch: 1, loss: 2.1 },
    ]);
    expect(state.valLoss).toEqual([
      { step: 50, epoch: 0.5, loss: 2.5 },
      { step: 100, epoch: 1, loss: 2.1 },
    ]);
  });

  it('adds each sample event to the timeline, oldest first, with increasing ids', () => {
    const state = reduceAll([started, sample(3, 'xq zz'), sample(6, 'the cat')]);
    expect(state.samples.map((s) => s.text)).toEqual(['xq zz', 'the cat']);
    expect(state.samples.map((s) => s.id)).toEqual([0, 1]);
    expect(state.samples[1]).toMatchObject({ step: 6, loss: 2, prime: 'T', temperature: 0.8 });
  });

  it('keeps the first sample and the newest ones when the timeline is full', () => {
    const events: TrainerEvent[] = [started];
    for (let i = 0; i < MAX_SAMPLES + 5; i++) events.push(sample(i));
    const state = reduceAll(events);
    expect(state.samples).toHaveLength(MAX_SAMPLES);
    expect(state.droppedSamples).toBe(5);
    expect(state.samples[0]?.step).toBe(0);
    expect(state.samples[1]?.step).toBe(6);
    expect(state.samples.at(-1)?.step).toBe(MAX_SAMPLES + 4);
  });

  it('clears the previous run chart, samples and step when a new run is started', () => {
    const old = reduceAll([
      started,
      progress(1, 10),
      { type: 'validation', step: 10, epoch: 0.1, loss: 3 },
      sample(10),
    ]);
    const next = reduceTrainerEvent(old, started);
    expect(next.trainLoss).toEqual([]);
    expect(next.valLoss).toEqual([]);
    expect(next.samples).toEqual([]);
    expect(next.step).toBe(0);
    expect(next.epoch).toBe(0);
  });

  it('forgets everything from the previous run on a new Train press, backend and error included', () => {
    const old = reduceAll([
      { type: 'backend', name: 'cpu', software: false, detail: '', skipped: [] },
      started,
      progress(1, 10),
      { type: 'error', message: 'boom' },
    ]);
    const request = {
      corpusName: 'Tiny',
      backend: 'wasm' as const,
      hyper: DEFAULT_HYPERPARAMETERS,
    };
    const next = beginRun(old, request);
    expect(next.phase).toBe('initialising');
    expect(next.runId).toBe(old.runId + 1);
    expect(next.request).toEqual(request);
    expect(next.backend).toBeNull();
    expect(next.run).toBeNull();
    expect(next.trainLoss).toEqual([]);
    expect(next.error).toBeNull();
  });

  it('moves to the error phase with the message when the worker reports an error', () => {
    const state = reduceAll([started, { type: 'error', message: 'WebGL context lost' }]);
    expect(state.phase).toBe('error');
    expect(state.error).toBe('WebGL context lost');
  });

  it('keeps the specific error when an error phase follows it', () => {
    const state = reduceAll([
      { type: 'error', message: 'Out of memory in matMul' },
      { type: 'phase', phase: 'error', message: 'Training failed.' },
    ]);
    expect(state.error).toBe('Out of memory in matMul');
  });

  it('uses the error phase message when no error event came first', () => {
    const state = reduceTrainerEvent(INITIAL_STATE, {
      type: 'phase',
      phase: 'error',
      message: 'No backend could start.',
    });
    expect(state.error).toBe('No backend could start.');
  });

  it('keeps the chart when a run is paused, stopped or done', () => {
    const running = reduceAll([started, progress(1, 5)]);
    for (const phase of ['paused', 'stopped', 'done'] as const) {
      const state = reduceTrainerEvent(running, { type: 'phase', phase, message: '' });
      expect(state.phase).toBe(phase);
      expect(state.trainLoss).toBe(running.trainLoss);
      expect(isActivePhase(state.phase)).toBe(phase === 'paused');
    }
  });
});
