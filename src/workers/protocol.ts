// The one message protocol between the page and the training worker. Types only: the page imports
// this file, never tfjs. Commands go page -> worker, events go worker -> page.

/** Backends in the order `auto` tries them. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = 'auto' | BackendName;

/** What the user sets in the form. Every value is validated by `validateHyperparameters`. */
export interface Hyperparameters {
  /** Stacked LSTM layers. */
  layers: number;
  /** Units per LSTM layer. */
  hiddenSize: number;
  /** Characters per training window (the truncated-BPTT length). */
  seqLen: number;
  /** Windows per optimisation step. */
  batchSize: number;
  /** Adam step size. */
  learningRate: number;
  /** Passes over the training text; fractions allowed (0.05 epochs is a short run). */
  epochs: number;
  /** Softmax temperature of the samples shown while training. */
  temperature: number;
  /** Seed of weight initialisation, batch order and sampling: same seed, same run. */
  seed: number;
}

export interface CorpusPayload {
  /** Shown in messages and the samples panel. */
  name: string;
  text: string;
}

export type Command =
  | { type: 'start'; corpus: CorpusPayload; hyper: Hyperparameters; backend: BackendChoice }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' };

export type Phase = 'initialising' | 'running' | 'paused' | 'stopped' | 'done' | 'error';

export interface SkippedBackend {
  name: BackendName;
  reason: string;
}

export interface LossPoint {
  step: number;
  loss: number;
}

export type TrainerEvent =
  /** The backend training runs on, whether it is software-emulated, and what was skipped and why. */
  | {
      type: 'backend';
      name: BackendName;
      software: boolean;
      detail: string;
      skipped: SkippedBackend[];
    }
  | { type: 'phase'; phase: Phase; message: string }
  /** Sent once the corpus is encoded and the model built. */
  | {
      type: 'started';
      vocabSize: number;
      trainChars: number;
      valChars: number;
      stepsPerEpoch: number;
      totalSteps: number;
      paramCount: number;
    }
  /** Training losses since the last event (read back in one batch), plus throughput. */
  | {
      type: 'progress';
      points: LossPoint[];
      step: number;
      epoch: number;
      stepsPerSec: number;
      charsPerSec: number;
    }
  | { type: 'validation'; step: number; epoch: number; loss: number }
  | {
      type: 'sample';
      step: number;
      epoch: number;
      /** The latest training loss when the sample was taken, or null before the first step. */
      loss: number | null;
      prime: string;
      temperature: number;
      text: string;
    }
  | { type: 'error'; message: string };
