// Hyperparameter defaults, bounds and validation. Pure TS with no tfjs, so the page's form and the
// worker share one definition. Each default has its reason.
import type { Hyperparameters } from '../workers/protocol.ts';

export const DEFAULT_HYPERPARAMETERS: Hyperparameters = {
  // The LSTM of the lectures; GRU and simple RNN are one click away.
  cell: 'lstm',
  // One layer learns words fastest on a laptop; stack more once the model underfits.
  layers: 1,
  // 128 units: big enough for words and punctuation, small enough for ~15,000 chars/s on wasm.
  hiddenSize: 128,
  // One-hot input: with under ~100 distinct characters an embedding buys little.
  embeddingSize: 0,
  // No dropout: a small model on a 1 MB corpus underfits rather than memorises.
  dropout: 0,
  // 50 characters of context per window, as in the seed lectures' lyrics model.
  seqLen: 50,
  // 32 windows amortise each kernel launch over 1,600 characters per step.
  batchSize: 32,
  // Adam forgives a learning rate that is a little off; char-rnn's RMSProp is one choice away.
  optimizer: 'adam',
  // 1e-2 with gradient clipping shows words within a minute; char-rnn uses 2e-3 for big models.
  learningRate: 0.01,
  schedule: 'constant',
  warmupSteps: 0,
  // char-rnn's grad_clip.
  clipNorm: 5,
  // Enough to watch the samples turn into words on the default corpus; Stop ends a run any time.
  epochs: 2,
  // The last 10 % of the text is never trained on, so validation loss measures generalisation.
  valFraction: 0.1,
  // Fresh zero state per window: random windows are independent.
  carryState: false,
  // 0.8 keeps samples readable while still showing what the model is unsure about.
  temperature: 0.8,
  seed: 42,
};

/** The hyperparameters that are numbers (the others are choices and a switch). */
export type NumericKey = {
  [K in keyof Hyperparameters]: Hyperparameters[K] extends number ? K : never;
}[keyof Hyperparameters];

export interface Bound {
  min: number;
  max: number;
  /** Whether the value must be a whole number. */
  integer: boolean;
  label: string;
}

export const BOUNDS: Record<NumericKey, Bound> = {
  layers: { min: 1, max: 4, integer: true, label: 'Layers' },
  hiddenSize: { min: 16, max: 1024, integer: true, label: 'Hidden size' },
  embeddingSize: { min: 0, max: 512, integer: true, label: 'Embedding size' },
  dropout: { min: 0, max: 0.9, integer: false, label: 'Dropout' },
  seqLen: { min: 8, max: 256, integer: true, label: 'Sequence length' },
  batchSize: { min: 1, max: 256, integer: true, label: 'Batch size' },
  learningRate: { min: 1e-5, max: 10, integer: false, label: 'Learning rate' },
  warmupSteps: { min: 0, max: 100_000, integer: true, label: 'Warm-up steps' },
  clipNorm: { min: 0.1, max: 1000, integer: false, label: 'Gradient clip' },
  epochs: { min: 0, max: 1000, integer: false, label: 'Epochs' },
  valFraction: { min: 0.01, max: 0.5, integer: false, label: 'Validation fraction' },
  temperature: { min: 0, max: 2, integer: false, label: 'Sample temperature' },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true, label: 'Seed' },
};

export const NUMERIC_KEYS = Object.keys(BOUNDS) as NumericKey[];

/** Characters generated for each sample shown while training. */
export const SAMPLE_LENGTH = 200;

/** The smallest positive epoch count: shorter runs would take no step on most corpora. */
export const MIN_EPOCHS = 0.01;

export type HyperparameterErrors = Partial<Record<keyof Hyperparameters, string>>;

/** One message per invalid field, keyed by field; an empty object means the values can run. */
export function validateHyperparameters(h: Hyperparameters): HyperparameterErrors {
  const errors: HyperparameterErrors = {};
  for (const key of NUMERIC_KEYS) {
    const b = BOUNDS[key];
    const v = h[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      errors[key] = `${b.label} must be a number.`;
    } else if (b.integer && !Number.isInteger(v)) {
      errors[key] = `${b.label} must be a whole number.`;
    } else if (v < b.min || v > b.max) {
      errors[key] = `${b.label} must be between ${b.min} and ${b.max}.`;
    }
  }
  // Combinations that cannot run, each with its reason.
  if (!errors.epochs && h.epochs > 0 && h.epochs < MIN_EPOCHS) {
    errors.epochs = `Epochs must be 0 (until stopped) or at least ${MIN_EPOCHS}.`;
  }
  if (!errors.schedule && h.schedule === 'cosine' && h.epochs === 0) {
    errors.schedule = 'A cosine schedule needs a fixed number of epochs to decay over.';
  }
  if (!errors.embeddingSize && h.embeddingSize > 0 && h.embeddingSize < 2) {
    errors.embeddingSize = 'Embedding size must be 0 (one-hot) or at least 2.';
  }
  return errors;
}

/**
 * Characters the corpus needs so that both splits hold more than one window of seqLen + 1: the
 * validation split is the last valFraction of the text.
 */
export function minimumCorpusChars(seqLen: number, valFraction: number): number {
  return Math.ceil((seqLen + 2) / valFraction) + 1;
}
