// Hyperparameter defaults, bounds and validation. Pure TS with no tfjs, so the page's form and the
// worker share one definition. Each default has its reason.
import type { Hyperparameters } from '../workers/protocol.ts';

export const DEFAULT_HYPERPARAMETERS: Hyperparameters = {
  // One layer learns words fastest on a laptop; stack more once the model underfits.
  layers: 1,
  // 128 units: big enough for words and punctuation, small enough for thousands of chars/s on wasm.
  hiddenSize: 128,
  // 50 characters of context per window, as in the seed lectures' lyrics model.
  seqLen: 50,
  // 32 windows amortise each kernel launch over 1,600 characters per step.
  batchSize: 32,
  // Adam at 1e-2 with gradient clipping shows words within a minute; char-rnn uses 2e-3 for big models.
  learningRate: 0.01,
  // Enough to watch the samples turn into words on the default corpus; Stop ends a run any time.
  epochs: 2,
  // 0.8 keeps samples readable while still showing what the model is unsure about.
  temperature: 0.8,
  seed: 42,
};

export interface Bound {
  min: number;
  max: number;
  /** Whether the value must be a whole number. */
  integer: boolean;
  label: string;
}

export const BOUNDS: Record<keyof Hyperparameters, Bound> = {
  layers: { min: 1, max: 3, integer: true, label: 'Layers' },
  hiddenSize: { min: 8, max: 1024, integer: true, label: 'Hidden size' },
  seqLen: { min: 4, max: 256, integer: true, label: 'Sequence length' },
  batchSize: { min: 1, max: 256, integer: true, label: 'Batch size' },
  learningRate: { min: 1e-5, max: 1, integer: false, label: 'Learning rate' },
  epochs: { min: 0.01, max: 1000, integer: false, label: 'Epochs' },
  temperature: { min: 0.01, max: 2, integer: false, label: 'Sample temperature' },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true, label: 'Seed' },
};

/** Fraction of the corpus held out (contiguously, at the end) for validation loss. */
export const VALIDATION_FRACTION = 0.1;
/** Gradients are rescaled to this global L2 norm when larger (char-rnn's grad_clip is 5). */
export const CLIP_NORM = 5;
/** Characters generated for each sample shown while training. */
export const SAMPLE_LENGTH = 200;

/** One message per invalid field, keyed by field; an empty object means the values can run. */
export function validateHyperparameters(
  h: Hyperparameters,
): Partial<Record<keyof Hyperparameters, string>> {
  const errors: Partial<Record<keyof Hyperparameters, string>> = {};
  for (const key of Object.keys(BOUNDS) as (keyof Hyperparameters)[]) {
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
  return errors;
}

/**
 * Characters the corpus needs so that both splits hold at least one window of seqLen + 1.
 * The validation split is the last VALIDATION_FRACTION of the text.
 */
export function minimumCorpusChars(seqLen: number): number {
  return Math.ceil((seqLen + 1) / VALIDATION_FRACTION) + 1;
}
