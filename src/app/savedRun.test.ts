import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { savedRun } from './savedRun.fixture.ts';
import {
  RESUME_OFFER_MS,
  defaultRunName,
  isSavedRun,
  looksLikeCheckpoint,
  resumeCandidate,
  settingsSummary,
} from './savedRun.ts';

describe('saved runs', () => {
  it('names a run after its corpus, cell and size', () => {
    const name = defaultRunName('Addition', { ...DEFAULT_HYPERPARAMETERS, layers: 2 }, 0);
    expect(name).toMatch(/^Addition · LSTM 2×128 · /);
  });

  it('summarises the settings in one line', () => {
    expect(settingsSummary(DEFAULT_HYPERPARAMETERS)).toBe(
      'LSTM 1×128, seq 50, batch 32, Adam 0.01, seed 42',
    );
  });

  it('offers the latest run when it was saved mid-training within a day', () => {
    const now = 10 * RESUME_OFFER_MS;
    const older = savedRun({ id: 'a', savedAt: now - 1000, reason: 'autosave' });
    const latest = savedRun({ id: 'b', savedAt: now - 500, reason: 'paused' });
    expect(resumeCandidate([older, latest], now)?.id).toBe('b');
    expect(resumeCandidate([savedRun({ savedAt: now - 2 * RESUME_OFFER_MS })], now)).toBeNull();
    // The latest run finished: nothing to offer, even if an older one was mid-training.
    const stopped = savedRun({ id: 'c', savedAt: now - 100, reason: 'stopped' });
    expect(resumeCandidate([older, stopped], now)).toBeNull();
    expect(resumeCandidate([], now)).toBeNull();
  });

  it('checks stored records and checkpoints structurally', () => {
    expect(isSavedRun(savedRun())).toBe(true);
    expect(isSavedRun({ ...savedRun(), history: null })).toBe(false);
    expect(isSavedRun('run')).toBe(false);
    const checkpoint = {
      format: 'rnn-playground-checkpoint',
      shape: {},
      params: [new Float32Array(2)],
      slots: [],
    };
    expect(looksLikeCheckpoint(checkpoint)).toBe(true);
    expect(looksLikeCheckpoint({ ...checkpoint, params: [[1, 2]] })).toBe(false);
  });
});
