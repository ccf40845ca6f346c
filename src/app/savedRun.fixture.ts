// A saved run for unit tests (savedRun, runFile, compareRuns): small, valid, easy to vary.
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import type { SavedRun } from './savedRun.ts';

export function savedRun(overrides: Partial<SavedRun> = {}): SavedRun {
  return {
    id: 'run-1',
    name: 'Addition · LSTM 1×128 · 1 Jan, 10:00',
    corpus: { kind: 'builtin', id: 'addition', title: 'Addition' },
    corpusHash: 'sha256:00',
    hyper: DEFAULT_HYPERPARAMETERS,
    backend: 'cpu',
    learningRate: 0.01,
    step: 30,
    vocabulary: ['0', '1', '+', '='],
    history: {
      trainLoss: [
        { step: 1, loss: 2.5 },
        { step: 2, loss: 2.4 },
      ],
      valLoss: [{ step: 2, epoch: 0.1, loss: 2.45 }],
      samples: [],
      accuracy: [],
      droppedSamples: 0,
    },
    reason: 'paused',
    createdAt: 1_000,
    savedAt: 2_000,
    bytes: 1234,
    ...overrides,
  };
}
