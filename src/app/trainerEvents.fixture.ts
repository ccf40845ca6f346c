// Worker events for the store's tests, built one way so the three test files agree on them.
import type { TrainerEvent } from '../workers/protocol.ts';
import { INITIAL_STATE, reduceTrainerEvent, type TrainingState } from './store.ts';

/** A run of 200 steps, 100 per epoch, over a 65-character vocabulary. */
export const started: Extract<TrainerEvent, { type: 'started' }> = {
  type: 'started',
  vocabSize: 65,
  trainChars: 9000,
  valChars: 1000,
  stepsPerEpoch: 100,
  totalSteps: 200,
  paramCount: 100_000,
};

export function reduceAll(
  events: TrainerEvent[],
  state: TrainingState = INITIAL_STATE,
): TrainingState {
  return events.reduce(reduceTrainerEvent, state);
}

export function sample(step: number, text = `text ${step}`): TrainerEvent {
  return {
    type: 'sample',
    step,
    epoch: step / 100,
    loss: 2,
    prime: 'T',
    temperature: 0.8,
    text,
    copied: [],
  };
}

/** One point per step from `from` to `to`, falling linearly. */
export function progress(from: number, to: number, learningRate = 0.01): TrainerEvent {
  const points = [];
  for (let step = from; step <= to; step++) points.push({ step, loss: 4 - step / 100 });
  return {
    type: 'progress',
    points,
    step: to,
    epoch: to / 100,
    stepsPerSec: 10,
    charsPerSec: 16_000,
    learningRate,
  };
}
