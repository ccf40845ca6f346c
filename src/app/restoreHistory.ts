// Seeds a resumed run's chart and samples with the history it had when it was saved. The worker's
// 'started' event clears the store for every run, resumed or not, so the page calls this right
// after 'started': the points that follow continue the same curve from the saved step.
import type { LossPoint } from '../workers/protocol.ts';
import {
  MAX_SAMPLES,
  type AccuracyPoint,
  type SampleEntry,
  type TrainingState,
  type ValidationPoint,
} from './store.ts';

/** A sample as saved: the store's entry without its position in the timeline. */
export type SavedSample = Omit<SampleEntry, 'id'>;

export interface RestoredHistory {
  trainLoss: readonly LossPoint[];
  valLoss: readonly ValidationPoint[];
  samples: readonly SavedSample[];
  accuracy: readonly AccuracyPoint[];
  /** Samples the saved timeline had already left out. */
  droppedSamples: number;
  /** The checkpoint's step: anything charted after it came from weights that were not saved. */
  step: number;
}

export function restoreHistory(state: TrainingState, history: RestoredHistory): TrainingState {
  const upTo = <T extends { step: number }>(items: readonly T[]) =>
    items.filter((item) => item.step <= history.step);
  let samples = upTo(history.samples);
  let dropped = history.droppedSamples;
  if (samples.length > MAX_SAMPLES) {
    // Same rule as the live timeline: the first sample stays, then the most recent ones.
    dropped += samples.length - MAX_SAMPLES;
    samples = [samples[0]!, ...samples.slice(samples.length - MAX_SAMPLES + 1)];
  }
  return {
    ...state,
    trainLoss: upTo(history.trainLoss),
    valLoss: upTo(history.valLoss),
    accuracy: upTo(history.accuracy),
    samples: samples.map((sample, id) => ({ ...sample, id })),
    droppedSamples: dropped,
    nextSampleId: samples.length,
    step: history.step,
    epoch: state.run !== null ? history.step / state.run.stepsPerEpoch : state.epoch,
  };
}
