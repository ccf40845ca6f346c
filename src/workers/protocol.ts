// The one message protocol between the page and the training worker. Types only: the page imports
// this file, never tfjs. Commands go page -> worker, events go worker -> page.

/** Backends in the order `auto` tries them. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = 'auto' | BackendName;

import type { Checkpoint } from '../model/checkpoint.ts';
import type { CellKind, OptimizerKind, ScheduleKind } from '../model/kinds.ts';

export type { Checkpoint };

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
      /** Continue a saved run of this corpus and these settings from its checkpoint. */
      resume?: ResumeFrom;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Exactly one optimisation step, then paused again. */
  | { type: 'step' }
  | { type: 'stop' }
  /** Live changes while training: the base learning rate, and the samples' temperature. */
  | { type: 'setLearningRate'; value: number }
  | { type: 'setTemperature'; value: number }
  /**
   * Generate from the current weights (running, paused, stopped or done), streaming `generated`
   * events. `source` picks the network or an order-k n-gram model of the training text.
   */
  | {
      type: 'generate';
      id: number;
      prime: string;
      length: number;
      /** 0 is the argmax. */
      temperature: number;
      /** Sample among the k most likely characters only; null for all. */
      topK: number | null;
      source: GenerationSource;
    }
  | { type: 'stopGenerating'; id: number }
  /** The current weights as a standard tfjs LayersModel (answered by `exported`). */
  | { type: 'export'; id: number }
  /** Turn LayersModel files into a checkpoint (answered by `imported`); needs no run. */
  | { type: 'importModel'; id: number; modelJson: string; weights: ArrayBuffer }
  /** Activations and next-character probabilities over a snippet (at most MAX_INSPECT_CHARS). */
  | { type: 'inspect'; id: number; text: string; topK: number };

/** Where a resumed run starts: its checkpoint and the base learning rate it had reached. */
export interface ResumeFrom {
  checkpoint: Checkpoint;
  learningRate: number;
}

export type GenerationSource = { kind: 'network' } | { kind: 'ngram'; order: number };

/** Longest snippet `inspect` takes: one cell step per character. */
export const MAX_INSPECT_CHARS = 400;

/** Top-k next characters after one position of a snippet. */
export interface NextCharacters {
  chars: string[];
  probs: number[];
}

/** A span of a sample, in code points of its text: [start, end). */
export interface TextSpan {
  start: number;
  end: number;
}

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
      /** Spans of `text` that appear word for word in the training text (20+ characters). */
      copied: TextSpan[];
    }
  /** Validation loss of order-k character n-gram models of the same split, once per run. */
  | { type: 'baselines'; losses: { order: number; loss: number }[] }
  /** Exact-match accuracy of sums on held-out lines (addition corpus only), each epoch. */
  | { type: 'taskAccuracy'; step: number; epoch: number; accuracy: number; problems: number }
  /** Characters of a `generate` request as they are sampled; `done` ends it (error: why). */
  | { type: 'generated'; id: number; chunk: string; done: boolean; error: string | null }
  | {
      type: 'inspection';
      id: number;
      /** The snippet's characters, one per position. */
      chars: string[];
      /** Gate names in display order, then 'hidden'. */
      gates: string[];
      hiddenSize: number;
      /** activations[layer][gate]: [chars.length * hiddenSize], row per position. */
      activations: Float32Array[][];
      /** After each position: the top-k next characters. */
      next: NextCharacters[];
      /** Step of the weights inspected. */
      step: number;
    }
  | { type: 'inspectionFailed'; id: number; message: string }
  /**
   * The run's state for autosave: every so often while training, and when it pauses, stops or
   * finishes. `learningRate` is the live base rate (after any recovery halved it).
   */
  | {
      type: 'checkpoint';
      reason: 'autosave' | 'paused' | 'stopped' | 'done';
      checkpoint: Checkpoint;
      learningRate: number;
    }
  /** A LayersModel import as a checkpoint to resume from, or why it was refused. */
  | { type: 'imported'; id: number; checkpoint: Checkpoint | null; error: string | null }
  /** model.json text and the weights file it names (model.weights.bin), or why not. */
  | {
      type: 'exported';
      id: number;
      modelJson: string;
      weights: ArrayBuffer | null;
      error: string | null;
    }
  /**
   * The loss went NaN or infinite: the weights and optimizer state of `step` came back, the base
   * learning rate was halved to `learningRate`, and training paused. Points after `step` are void.
   */
  | { type: 'recovered'; step: number; learningRate: number; message: string }
  | { type: 'error'; message: string };

/** How the worker posts events; large arrays may be transferred rather than copied. */
export type PostEvent = (event: TrainerEvent, transfer?: ArrayBuffer[]) => void;
