// The parts of the page's training state (store.ts) that views read one by one: backend, run,
// validation, samples, accuracy, the run's request and a recovery from divergence.
import type {
  BackendChoice,
  BackendName,
  Hyperparameters,
  LossPoint,
  SkippedBackend,
  TextSpan,
} from '../workers/protocol.ts';

export interface BackendInfo {
  name: BackendName;
  software: boolean;
  detail: string;
  skipped: readonly SkippedBackend[];
}

/** What the worker reports once the corpus is encoded and the model built. */
export interface RunInfo {
  vocabSize: number;
  trainChars: number;
  valChars: number;
  stepsPerEpoch: number;
  /** Null when training until stopped. */
  totalSteps: number | null;
  paramCount: number;
}

export interface ValidationPoint extends LossPoint {
  epoch: number;
}

export interface SampleEntry {
  /** Position in this run's timeline: a stable React key even when older samples are dropped. */
  id: number;
  step: number;
  epoch: number;
  loss: number | null;
  prime: string;
  temperature: number;
  text: string;
  /** Spans of `text` copied word for word from the training text. */
  copied: readonly TextSpan[];
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
