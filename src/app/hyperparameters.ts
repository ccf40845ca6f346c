// The form's text <-> Hyperparameters. Kept apart from the component so the parsing rules (an
// empty field is not zero) are unit-tested.
import type { Hyperparameters } from '../workers/protocol.ts';
import { validateHyperparameters } from '../model/config.ts';

export type HyperparameterText = Record<keyof Hyperparameters, string>;
export type HyperparameterErrors = Partial<Record<keyof Hyperparameters, string>>;

export function toText(h: Hyperparameters): HyperparameterText {
  return {
    layers: String(h.layers),
    hiddenSize: String(h.hiddenSize),
    seqLen: String(h.seqLen),
    batchSize: String(h.batchSize),
    learningRate: String(h.learningRate),
    epochs: String(h.epochs),
    temperature: String(h.temperature),
    seed: String(h.seed),
  };
}

/** Number('') is 0, which would pass as a value; an empty or unparsable field is NaN instead. */
function parseField(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export function fromText(text: HyperparameterText): Hyperparameters {
  return {
    layers: parseField(text.layers),
    hiddenSize: parseField(text.hiddenSize),
    seqLen: parseField(text.seqLen),
    batchSize: parseField(text.batchSize),
    learningRate: parseField(text.learningRate),
    epochs: parseField(text.epochs),
    temperature: parseField(text.temperature),
    seed: parseField(text.seed),
  };
}

export interface CheckedHyperparameters {
  values: Hyperparameters;
  errors: HyperparameterErrors;
  valid: boolean;
}

export function checkText(text: HyperparameterText): CheckedHyperparameters {
  const values = fromText(text);
  const errors = validateHyperparameters(values);
  return { values, errors, valid: Object.keys(errors).length === 0 };
}
