// The form's state <-> Hyperparameters. Kept apart from the components so the parsing rules (an
// empty field is not zero, "Train until stopped" keeps the typed epochs) are unit-tested.
import type { Hyperparameters } from '../workers/protocol.ts';
import {
  BOUNDS,
  DEFAULT_HYPERPARAMETERS,
  NUMERIC_KEYS,
  validateHyperparameters,
  type HyperparameterErrors,
  type NumericKey,
} from '../model/config.ts';
import type { CellKind, OptimizerKind, ScheduleKind } from '../model/kinds.ts';
import { PRESETS, type Preset } from '../model/presets.ts';

export type { HyperparameterErrors, NumericKey };

/** Number fields hold the text as typed, so a half-typed "0.0" stays on screen with its message. */
export type NumericText = Record<NumericKey, string>;

export interface FormState {
  text: NumericText;
  cell: CellKind;
  optimizer: OptimizerKind;
  schedule: ScheduleKind;
  carryState: boolean;
  /**
   * "Train until stopped": epochs is 0 while this is on, and `text.epochs` keeps what the user
   * had typed, so unticking the box brings it back.
   */
  untilStopped: boolean;
}

/** The form's choices and switches (everything that is not typed text). */
export type FormPatch = Partial<Omit<FormState, 'text'>>;

/** Labels of every field, for messages that name the fields to fix. */
export const FIELD_LABELS: Record<keyof Hyperparameters, string> = {
  ...(Object.fromEntries(NUMERIC_KEYS.map((k) => [k, BOUNDS[k].label])) as Record<
    NumericKey,
    string
  >),
  cell: 'Cell',
  optimizer: 'Optimizer',
  schedule: 'Learning-rate schedule',
  carryState: 'Carry hidden state across batches',
};

export function toForm(h: Hyperparameters): FormState {
  const text = Object.fromEntries(NUMERIC_KEYS.map((k) => [k, String(h[k])])) as NumericText;
  const untilStopped = h.epochs === 0;
  // Unticking "until stopped" needs a count to come back to; 0 would mean until stopped again.
  if (untilStopped) text.epochs = String(DEFAULT_HYPERPARAMETERS.epochs);
  return {
    text,
    cell: h.cell,
    optimizer: h.optimizer,
    schedule: h.schedule,
    carryState: h.carryState,
    untilStopped,
  };
}

/** Number('') is 0, which would pass as a value; an empty or unparsable field is NaN instead. */
export function parseField(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export function fromForm(form: FormState): Hyperparameters {
  const numbers = Object.fromEntries(
    NUMERIC_KEYS.map((k) => [k, parseField(form.text[k])]),
  ) as Record<NumericKey, number>;
  return {
    ...numbers,
    epochs: form.untilStopped ? 0 : numbers.epochs,
    cell: form.cell,
    optimizer: form.optimizer,
    schedule: form.schedule,
    carryState: form.carryState,
  };
}

export interface CheckedHyperparameters {
  values: Hyperparameters;
  errors: HyperparameterErrors;
  valid: boolean;
}

export function checkForm(form: FormState): CheckedHyperparameters {
  const values = fromForm(form);
  const errors = validateHyperparameters(values);
  return { values, errors, valid: Object.keys(errors).length === 0 };
}

/** The field's number when it is within its bounds on its own, else null (for live changes). */
export function boundedValue(key: NumericKey, text: string): number | null {
  const value = parseField(text);
  const b = BOUNDS[key];
  if (!Number.isFinite(value) || value < b.min || value > b.max) return null;
  if (b.integer && !Number.isInteger(value)) return null;
  return value;
}

const HYPER_KEYS = Object.keys(DEFAULT_HYPERPARAMETERS) as (keyof Hyperparameters)[];

/** The preset whose every value the form holds, if any; otherwise the form is "Custom". */
export function matchPreset(values: Hyperparameters): Preset | undefined {
  return PRESETS.find((p) => HYPER_KEYS.every((k) => Object.is(p.hyper[k], values[k])));
}

/**
 * A learning rate for the form's text: halving 0.003 gives 0.0015, but repeated halving or the
 * schedule's arithmetic can give 0.00030000000000000003; six significant digits read as typed.
 */
export function rateText(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** What choosing a preset does to the corpus: select the suggested one, or say it is missing. */
export function presetCorpus(
  preset: Preset,
  corpora: readonly { id: string }[],
  current: { title: string } | undefined,
): { select: string } | { note: string } {
  if (corpora.some((c) => c.id === preset.corpus)) return { select: preset.corpus };
  const keeping = current === undefined ? '' : `; keeping “${current.title}”`;
  return {
    note: `This preset suggests the “${preset.corpus}” corpus, which is not in the library${keeping}.`,
  };
}
