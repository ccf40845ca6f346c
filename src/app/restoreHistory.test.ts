import { describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../workers/protocol.ts';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { INITIAL_STATE, MAX_SAMPLES, beginRun, reduceTrainerEvent } from './store.ts';
import { restoreHistory, type RestoredHistory, type SavedSample } from './restoreHistory.ts';
import { createTrainingStore } from './trainingStore.ts';

const started: TrainerEvent = {
  type: 'started',
  vocabSize: 13,
  trainChars: 9000,
  valChars: 1000,
  stepsPerEpoch: 10,
  totalSteps: null,
  paramCount: 1000,
};

const sample = (step: number): SavedSample => ({
  step,
  epoch: step / 10,
  loss: 2,
  prime: 'T',
  temperature: 0.8,
  text: `text ${step}`,
  copied: [],
});

function history(step: number): RestoredHistory {
  return {
    trainLoss: Array.from({ length: step }, (_, i) => ({ step: i + 1, loss: 3 - i / 100 })),
    valLoss: [{ step: 10, epoch: 1, loss: 2.5 }],
    samples: [sample(1), sample(10)],
    accuracy: [],
    droppedSamples: 0,
    step,
  };
}

function startedRun() {
  const request = {
    corpusName: 'Addition',
    backend: 'cpu' as const,
    hyper: DEFAULT_HYPERPARAMETERS,
  };
  return reduceTrainerEvent(beginRun(INITIAL_STATE, request), started);
}

describe('restoreHistory', () => {
  it('puts the saved points and samples back after started, and the next step follows on', () => {
    const restored = restoreHistory(startedRun(), history(12));
    expect(restored.trainLoss).toHaveLength(12);
    expect(restored.valLoss).toEqual([{ step: 10, epoch: 1, loss: 2.5 }]);
    expect(restored.samples.map((s) => s.id)).toEqual([0, 1]);
    expect(restored.nextSampleId).toBe(2);
    expect(restored.step).toBe(12);
    expect(restored.epoch).toBeCloseTo(1.2);
    const next = reduceTrainerEvent(restored, {
      type: 'progress',
      points: [{ step: 13, loss: 2.8 }],
      step: 13,
      epoch: 1.3,
      stepsPerSec: 10,
      charsPerSec: 1000,
      learningRate: 0.01,
    });
    expect(next.trainLoss.map((p) => p.step)).toEqual([
      ...Array.from({ length: 13 }, (_, i) => i + 1),
    ]);
  });

  it('drops anything recorded after the checkpoint step', () => {
    const restored = restoreHistory(startedRun(), { ...history(12), step: 5 });
    expect(restored.trainLoss).toHaveLength(5);
    expect(restored.valLoss).toEqual([]);
    expect(restored.samples.map((s) => s.step)).toEqual([1]);
  });

  it('keeps the first sample and the latest ones when there are too many', () => {
    const many = Array.from({ length: MAX_SAMPLES + 5 }, (_, i) => sample(i + 1));
    const restored = restoreHistory(startedRun(), {
      ...history(0),
      step: MAX_SAMPLES + 5,
      samples: many,
    });
    expect(restored.samples).toHaveLength(MAX_SAMPLES);
    expect(restored.samples[0]!.step).toBe(1);
    expect(restored.samples.at(-1)!.step).toBe(MAX_SAMPLES + 5);
    expect(restored.droppedSamples).toBe(5);
  });

  it('is a store action published like any other change', () => {
    const queue: (() => void)[] = [];
    const store = createTrainingStore((cb) => void queue.push(cb));
    store.dispatch(started);
    store.restoreHistory(history(3));
    queue.splice(0).forEach((cb) => cb());
    expect(store.getSnapshot().trainLoss).toHaveLength(3);
    expect(store.getSnapshot().step).toBe(3);
  });
});
