// The one message protocol between the page and the training worker. Types only: the page imports
// this file, never tfjs. Commands go page -> worker, events go worker -> page.

/** Backends in the order `auto` tries them. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = 'auto' | BackendName;

import type { CellKind, OptimizerKind, ScheduleKind } from '../model/kinds.ts';

export type { CellKind, OptimizerKind, ScheduleKind };

/** What the user sets in the form. Every value is validated by `validateHyperparameters`. */
export interface Hyperparameters {
  cell: CellKind;
  /** Stacked recurrent layers. */
  layers: number;
  /** Units per layer. */
  hiddenSize: number;
  /** Width of a learned character embedding; 0 feeds one-hot characters. */
  embeddingSize: number;
  /** Dropout rate on each layer's output while training (0 for none). */
  dropout: number;
  /** Characters per training window (the truncated-BPTT length). */
  seqLen: number;
  /** Windows per optimisation step. */
  batchSize: number;
  optimizer: OptimizerKind;
  /** Base step size; the schedule and warm-up scale it. */
  learningRate: number;
  schedule: ScheduleKind;
  /** Linear learning-rate warm-up over this many steps (0 for none). */
  warmupSteps: number;
  /** Global gradient-norm clip. */
  clipNorm: number;
  /** Passes over the training text; fractions allowed; 0 trains until stopped. */
  epochs: number;
  /** Share of the corpus (its end) held out for validation loss. */
  valFraction: number;
  /** Carry the hidden state from one batch to the next (char-rnn style) instead of zeros. */
  carryState: boolean;
  /** Softmax temperature of the samples shown while training. */
  temperature: number;
  /** Seed of weight initialisation, batch order, dropout and sampling: same seed, same run. */
  seed: number;
}

export interface CorpusPayload {
  /** Shown in messages and the samples panel. */
  name: string;
  text: string;
}

export type Command =
  | {
      type: 'start';
      corpus: CorpusPayload;
      hyper: Hyperparameters;
      backend: BackendChoice;
      /** Start paused (for Step from a fresh model): the model is built, no step is taken. */
      paused?: boolean;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Exactly one optimisation step, then paused again. */
  | { type: 'step' }
  | { type: 'stop' }
  /** Live changes while training: the base learning rate, and the samples' temperature. */
  | { type: 'setLearningRate'; value: number }
  | { type: 'setTemperature'; value: number };

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
      /** Null when training until stopped. */
      totalSteps: number | null;
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
      /** The step size in use now (base rate after schedule and warm-up). */
      learningRate: number;
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
  /**
   * The loss went NaN or infinite: the weights and optimizer state of `step` came back, the base
   * learning rate was halved to `learningRate`, and training paused. Points after `step` are void.
   */
  | { type: 'recovered'; step: number; learningRate: number; message: string }
  | { type: 'error'; message: string };
