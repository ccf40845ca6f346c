import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import {
  INITIAL_STATE,
  beginRun,
  reduceTrainerEvent,
  resetRun,
  type TrainingState,
} from './store.ts';
import {
  describeStatus,
  epochProgress,
  formatBytes,
  formatDuration,
  formatLoss,
  formatRate,
  formatSi,
} from './format.ts';

function runningState(epochs = 2): TrainingState {
  let state = beginRun(INITIAL_STATE, {
    corpusName: 'Tiny',
    backend: 'wasm',
    hyper: { ...DEFAULT_HYPERPARAMETERS, epochs },
  });
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
    totalSteps: epochs === 0 ? null : epochs * 1000,
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
    learningRate: 0.01,
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

  it('counts steps and epochs without a total when training until stopped', () => {
    expect(describeStatus(runningState(0), false)).toBe(
      'Training on wasm until stopped — step 120, epoch 0.12, 4,210 chars/s',
    );
  });

  it('says what Reset did and which seed the next run starts from', () => {
    expect(describeStatus(resetRun(runningState(), 7), false)).toBe(
      'Reset: the next run starts from fresh weights (seed 7)',
    );
    expect(describeStatus(resetRun(runningState(), null), false)).toBe(
      'Reset: the next run starts from fresh weights',
    );
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

  it('has no last epoch when training until stopped', () => {
    expect(epochProgress(2.4, 0, false)).toEqual({ index: 3, count: null, percent: 40 });
    expect(epochProgress(0, 0, false)).toEqual({ index: 1, count: null, percent: 0 });
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
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
  });

  it('shows learning rates with three significant digits', () => {
    expect(formatRate(0.0097123)).toBe('0.00971');
    expect(formatRate(0.002)).toBe('0.002');
  });

  it('shows large counts with an SI prefix', () => {
    expect(formatSi(461_568, 'FLOP')).toBe('462 kFLOP');
    expect(formatSi(12_345_678, 'FLOP')).toBe('12.3 MFLOP');
    expect(formatSi(950, 'FLOP')).toBe('950 FLOP');
  });

  it('rounds durations the way an estimate should read', () => {
    expect(formatDuration(44.6)).toBe('45 s');
    expect(formatDuration(190)).toBe('3 min');
    expect(formatDuration(59.7)).toBe('1 min');
    expect(formatDuration(3590)).toBe('1 h');
    expect(formatDuration(5400)).toBe('1.5 h');
    expect(formatDuration(3 * 86_400)).toBe('3 days');
  });
});
