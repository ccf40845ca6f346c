// Settings the page reads from its URL and keeps there, so a link restores the form exactly: the
// hyperparameters (seed included), the corpus id and the backend, plus a lesson's preset, locks
// and hidden controls (lessonLink.ts). One schema, in the spirit of TensorFlow Playground's
// state.ts: each field parses its raw value or falls back with a note the page shows, instead of
// failing silently, and serialises back to the same text. The address only holds what differs
// from the starting point (the defaults, or the lesson's preset), so links stay short.
import { BACKENDS, type BackendChoice, type Hyperparameters } from '../workers/protocol.ts';
import {
  BOUNDS,
  DEFAULT_HYPERPARAMETERS,
  validateHyperparameters,
  type NumericKey,
} from '../model/config.ts';
import { CELL_KINDS, OPTIMIZER_KINDS, SCHEDULE_KINDS } from '../model/kinds.ts';
import { parseLesson, type Lesson } from './lessonLink.ts';

export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKENDS];

interface Parsed<T> {
  value: T;
  /** Why the URL's value was not used; shown to the user. */
  note?: string;
}

interface Param<T> {
  parse(raw: string | null): Parsed<T>;
}

/** A parameter that must be one of a few words; anything else falls back to `fallback`. */
function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): Param<T> {
  return {
    parse(raw) {
      if (raw === null || raw.trim() === '') return { value: fallback };
      const normalised = raw.trim().toLowerCase();
      const match = allowed.find((option) => option === normalised);
      if (match !== undefined) return { value: match };
      return {
        value: fallback,
        note: `Unknown ${name} "${raw}" in the URL; using ${fallback}. Valid values: ${allowed.join(', ')}.`,
      };
    },
  };
}

/** A hyperparameter in the address: its text -> value (null when invalid), and back. */
interface Field<T> {
  read(raw: string): T | null;
  write(value: T): string;
  /** What a valid value looks like, for the note about an invalid one. */
  expects: string;
}

function numberField(key: NumericKey): Field<number> {
  const b = BOUNDS[key];
  return {
    read(raw) {
      const value = raw.trim() === '' ? Number.NaN : Number(raw);
      const fits = Number.isFinite(value) && value >= b.min && value <= b.max;
      return fits && (!b.integer || Number.isInteger(value)) ? value : null;
    },
    write: String,
    expects: `${b.integer ? 'a whole number' : 'a number'} from ${b.min} to ${b.max}`,
  };
}

function choiceField<T extends string>(options: readonly T[]): Field<T> {
  return {
    read: (raw) => options.find((o) => o === raw.trim().toLowerCase()) ?? null,
    write: (value) => value,
    expects: `one of ${options.join(', ')}`,
  };
}

const booleanField: Field<boolean> = {
  read: (raw) =>
    ({ true: true, '1': true, false: false, '0': false })[raw.trim().toLowerCase()] ?? null,
  write: String,
  expects: 'true or false',
};

type Schema = { [K in keyof Hyperparameters]: Field<Hyperparameters[K]> };

const NUMERIC_FIELDS = Object.fromEntries(
  (Object.keys(BOUNDS) as NumericKey[]).map((key) => [key, numberField(key)]),
) as Record<NumericKey, Field<number>>;

/** Every hyperparameter's URL field, under the same name as in Hyperparameters. */
export const HYPER_SCHEMA: Schema = {
  ...NUMERIC_FIELDS,
  cell: choiceField(CELL_KINDS),
  optimizer: choiceField(OPTIMIZER_KINDS),
  schedule: choiceField(SCHEDULE_KINDS),
  carryState: booleanField,
};

const HYPER_KEYS = Object.keys(DEFAULT_HYPERPARAMETERS) as (keyof Hyperparameters)[];

const CORPUS_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const backendParam = oneOf('backend', BACKEND_CHOICES, 'auto');

export interface UrlState {
  backend: BackendChoice;
  /** One line per ignored backend value (shown under the Backend field). */
  notes: string[];
  /** The form's starting values: the lesson's preset or the defaults, then the link's values. */
  hyper: Hyperparameters;
  /** The corpus to select first: the link's, else the lesson preset's; null for the default. */
  corpus: string | null;
  lesson: Lesson;
  /** One line per other ignored value (shown by the Share panel). */
  linkNotes: string[];
}

function readHyper(params: URLSearchParams, base: Hyperparameters, notes: string[]) {
  const hyper: Record<string, unknown> = { ...base };
  for (const key of HYPER_KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const field = HYPER_SCHEMA[key] as Field<unknown>;
    const value = field.read(raw);
    if (value !== null) hyper[key] = value;
    else
      notes.push(
        `${key}="${raw}" in the link is not ${field.expects}; using ${String(base[key])}.`,
      );
  }
  const values = hyper as unknown as Hyperparameters;
  // Each value fits on its own; a combination that cannot run (a cosine schedule without a fixed
  // number of epochs) goes back to the starting values for the fields involved.
  const errors = validateHyperparameters(values);
  for (const [key, message] of Object.entries(errors)) {
    notes.push(`${message} Using the starting value of ${key} instead.`);
    hyper[key] = base[key as keyof Hyperparameters];
  }
  return Object.keys(validateHyperparameters(values)).length === 0 ? values : { ...base };
}

/** Reads the page's settings from `location.search` (with or without the leading "?"). */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const backend = backendParam.parse(params.get('backend'));
  const { lesson, notes: linkNotes } = parseLesson(params);
  const hyper = readHyper(params, lesson.preset?.hyper ?? DEFAULT_HYPERPARAMETERS, linkNotes);
  const rawCorpus = params.get('corpus')?.trim() ?? '';
  let corpus = lesson.preset?.corpus ?? null;
  if (CORPUS_ID.test(rawCorpus)) corpus = rawCorpus;
  else if (rawCorpus !== '')
    linkNotes.push(`The corpus id "${rawCorpus}" in the link is malformed.`);
  return {
    backend: backend.value,
    notes: backend.note === undefined ? [] : [backend.note],
    hyper,
    corpus,
    lesson,
    linkNotes,
  };
}

/** What the address should say now, and what it is measured against. */
export interface ShareState {
  hyper: Hyperparameters;
  /**
   * A built-in corpus id; null to leave it out (the user's own text never goes in a link);
   * undefined to keep what the address says (the library is still loading).
   */
  corpus: string | null | undefined;
  backend: BackendChoice;
}

export interface ShareBase {
  hyper: Hyperparameters;
  /** The corpus the page selects when the link names none; null while not known yet. */
  corpus: string | null;
}

/**
 * `search` with the share state written in: values equal to the base are dropped, others set;
 * lesson and unknown parameters are kept as they are.
 */
export function shareSearch(search: string, state: ShareState, base: ShareBase): string {
  const params = new URLSearchParams(search);
  for (const key of HYPER_KEYS) {
    const field = HYPER_SCHEMA[key] as Field<unknown>;
    if (Object.is(state.hyper[key], base.hyper[key])) params.delete(key);
    else params.set(key, field.write(state.hyper[key]));
  }
  if (state.corpus === null || state.corpus === base.corpus) params.delete('corpus');
  else if (state.corpus !== undefined) params.set('corpus', state.corpus);
  if (state.backend === 'auto') params.delete('backend');
  else params.set('backend', state.backend);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** `search` with the backend set, so the address bar can be shared; 'auto' drops the parameter. */
export function withBackend(search: string, backend: BackendChoice): string {
  const params = new URLSearchParams(search);
  if (backend === 'auto') params.delete('backend');
  else params.set('backend', backend);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}
