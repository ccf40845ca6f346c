import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, beginRun, reduceTrainerEvent, type TrainingState } from './store.ts';
import { describeStatus, epochProgress, formatBytes, formatLoss } from './format.ts';

function runningState(): TrainingState {
  let state = beginRun(INITIAL_STATE, { corpusName: 'Tiny', epochs: 2, backend: 'wasm' });
  state = reduceTrainerEvent(state, {
    type: 'backend',
    name: 'wasm',
    software: false,
    detail: '',
    skipped: [],
  });
  state = reduceTrainerEvent(state, {
    type: 'started',
    vocabSize: 60,
    trainChars: 1,
    valChars: 1,
    stepsPerEpoch: 1000,
    totalSteps: 2000,
    paramCount: 1,
  });
  state = reduceTrainerEvent(state, { type: 'phase', phase: 'running', message: '' });
  return reduceTrainerEvent(state, {
    type: 'progress',
    points: [{ step: 120, loss: 3 }],
    step: 120,
    epoch: 0.12,
    stepsPerSec: 3,
    charsPerSec: 4210,
  });
}

describe('describeStatus', () => {
  it('says what a running run is doing, with thousands separators', () => {
    expect(describeStatus(runningState(), false)).toBe(
      'Training on wasm — step 120 of 2,000, epoch 0.12 of 2, 4,210 chars/s',
    );
  });

  it('uses the worker message while initialising', () => {
    const state = reduceTrainerEvent(runningState(), {
      type: 'phase',
      phase: 'initialising',
      message: 'Checking the wasm backend…',
    });
    expect(describeStatus(state, false)).toBe('Checking the wasm backend…');
  });

  it('names the step a run was paused or stopped at, and the epochs when done', () => {
    const state = runningState();
    const at = (phase: 'paused' | 'stopped' | 'done') =>
      describeStatus(reduceTrainerEvent(state, { type: 'phase', phase, message: '' }), false);
    expect(at('paused')).toBe('Paused at step 120');
    expect(at('stopped')).toBe('Stopped at step 120');
    expect(at('done')).toBe('Done: 2 epochs');
  });

  it('says the corpus is loading before the worker starts', () => {
    expect(describeStatus(INITIAL_STATE, true)).toBe('Loading corpus…');
  });
});

describe('epochProgress', () => {
  it('reports the percentage of the current epoch', () => {
    expect(epochProgress(1.4, 2, false)).toEqual({ index: 2, count: 2, percent: 40 });
    expect(epochProgress(0.12, 2, false)).toEqual({ index: 1, count: 2, percent: 12 });
  });

  it('measures a partial last epoch against its own length', () => {
    expect(epochProgress(0.025, 0.05, false)).toEqual({ index: 1, count: 1, percent: 50 });
  });

  it('is full when the run is done', () => {
    expect(epochProgress(2, 2, true)).toEqual({ index: 2, count: 2, percent: 100 });
  });
});

describe('formatting', () => {
  it('shows losses with three decimals or a dash', () => {
    expect(formatLoss(2.91349)).toBe('2.913');
    expect(formatLoss(null)).toBe('—');
  });

  it('shows sizes in B, KB and MB', () => {
    expect(formatBytes(800)).toBe('800 B');
    expect(formatBytes(44_237)).toBe('43.2 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
  });
});
