// The parts of the page's training state (store.ts) that views read one by one: backend, run,
// validation, samples, accuracy, the run's request and a recovery from divergence.
import type {
  BackendChoice,
  Hyperparameters,
  LossPoint,
  TrainerEvent,
} from '../workers/protocol.ts';

/** A worker event's fields, less its type. */
type EventFields<T extends TrainerEvent['type']> = Omit<Extract<TrainerEvent, { type: T }>, 'type'>;

/** The backend training runs on, whether it is software, and what was skipped and why. */
export type BackendInfo = EventFields<'backend'>;

/** What the worker reports once the corpus is encoded and the model built. */
export type RunInfo = EventFields<'started'>;

export interface ValidationPoint extends LossPoint {
  epoch: number;
}

/** A sample as the worker sent it, with its place in this run's timeline. */
export interface SampleEntry extends EventFields<'sample'> {
  /** Position in this run's timeline: a stable React key even when older samples are dropped. */
  id: number;
}

/** Exact-match accuracy of held-out sums (addition corpus) at a step. */
export interface AccuracyPoint {
  step: number;
  epoch: number;
  accuracy: number;
}

/** What the page knows about a run before the worker has said anything. */
export interface RunRequest {
  corpusName: string;
  backend: BackendChoice;
  /** The settings the run started with (live changes to the rate and temperature aside). */
  hyper: Hyperparameters;
}

/** The loss went NaN or infinite and the worker went back to the weights of `step`. */
export interface Recovery {
  step: number;
  /** The halved base learning rate the run goes on with. */
  learningRate: number;
  message: string;
}
