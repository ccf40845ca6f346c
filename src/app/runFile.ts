// The run file: a saved run's settings, vocabulary, loss history and samples as JSON, without the
// weights (those go out as LayersModel files). Import builds a fresh object from the fields it
// knows, each checked, so a malformed or hostile file gives one clear error and nothing else.
import type { Hyperparameters, TextSpan } from '../workers/protocol.ts';
import { DEFAULT_HYPERPARAMETERS, NUMERIC_KEYS, validateHyperparameters } from '../model/config.ts';
import { CELL_KINDS, OPTIMIZER_KINDS, SCHEDULE_KINDS } from '../model/kinds.ts';
import { BACKEND_CHOICES } from './urlState.ts';
import { historyBytes, type RunHistory, type SavedCorpus, type SavedRun } from './savedRun.ts';
import type { SavedSample } from './restoreHistory.ts';

export const RUN_FILE_FORMAT = 'rnn-playground-run';

/** A saved run's fields that mean something on another page (no id, storage size or reason). */
type PortableFields =
  | 'name'
  | 'corpus'
  | 'corpusHash'
  | 'hyper'
  | 'backend'
  | 'learningRate'
  | 'step'
  | 'vocabulary'
  | 'history'
  | 'savedAt';

export interface RunFile extends Pick<SavedRun, PortableFields> {
  format: typeof RUN_FILE_FORMAT;
  version: 1;
}

/** Sizes no honest run reaches; beyond them a file is refused before anything is built. */
export const RUN_FILE_LIMITS = {
  bytes: 64 * 1024 * 1024,
  name: 200,
  vocabulary: 20_000,
  trainPoints: 2_000_000,
  valPoints: 100_000,
  samples: 1_000,
  sampleChars: 20_000,
  spans: 1_000,
};

export function toRunFile(run: SavedRun): RunFile {
  const { name, corpus, corpusHash, hyper, backend, learningRate, step, vocabulary } = run;
  return {
    format: RUN_FILE_FORMAT,
    version: 1,
    ...{ name, corpus, corpusHash, hyper, backend, learningRate, step, vocabulary },
    history: run.history,
    savedAt: run.savedAt,
  };
}

/** "Addition · LSTM 1×16 · 12 Jun, 14:05" -> "Addition-LSTM-1x16-12-Jun-14-05.run.json". */
export function runFileName(run: { name: string }): string {
  const stem = run.name
    .replaceAll('×', 'x')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${stem || 'run'}.run.json`;
}

class RunFileError extends Error {}
const fail = (why: string): never => {
  throw new RunFileError(`This is not a usable run file: ${why}.`);
};

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, max = 1e9): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const isReal = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function list(value: unknown, max: number, what: string): unknown[] {
  if (!Array.isArray(value)) return fail(`${what} is not a list`);
  if (value.length > max) return fail(`${what} has ${value.length} entries (at most ${max})`);
  return value;
}

function text(value: unknown, max: number, what: string): string {
  if (typeof value !== 'string' || value.length > max) return fail(`${what} is not a short text`);
  return value;
}

function oneOf<T extends string>(value: unknown, options: readonly T[], what: string): T {
  const match = options.find((o) => o === value);
  return match ?? fail(`${what} "${String(value)}" is unknown`);
}

/** Settings from JSON: each field typed and in bounds, and the combination runnable. */
export function readHyperparameters(value: unknown): Hyperparameters {
  if (!isObject(value)) return fail('the settings are missing');
  const numbers = Object.fromEntries(
    NUMERIC_KEYS.map((key) => [
      key,
      isReal(value[key]) ? value[key] : fail(`${key} is not a number`),
    ]),
  );
  if (typeof value.carryState !== 'boolean') fail('carryState is not true or false');
  const hyper: Hyperparameters = {
    ...DEFAULT_HYPERPARAMETERS,
    ...numbers,
    cell: oneOf(value.cell, CELL_KINDS, 'cell'),
    optimizer: oneOf(value.optimizer, OPTIMIZER_KINDS, 'optimizer'),
    schedule: oneOf(value.schedule, SCHEDULE_KINDS, 'schedule'),
    carryState: value.carryState === true,
  };
  const errors = Object.values(validateHyperparameters(hyper));
  if (errors.length > 0) fail(`its settings are out of range (${errors[0]})`);
  return hyper;
}

function readCorpus(value: unknown): SavedCorpus {
  if (!isObject(value)) return fail('the corpus is missing');
  const title = text(value.title, RUN_FILE_LIMITS.name, 'the corpus title');
  if (value.kind === 'own') return { kind: 'own', title };
  if (value.kind !== 'builtin') return fail('the corpus kind is unknown');
  const id = text(value.id, 64, 'the corpus id');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail('the corpus id is malformed');
  return { kind: 'builtin', id, title };
}

function readVocabulary(value: unknown): string[] {
  const chars = list(value, RUN_FILE_LIMITS.vocabulary, 'the vocabulary');
  if (!chars.every((c) => typeof c === 'string' && [...c].length === 1))
    fail('the vocabulary is not one character per entry');
  if (new Set(chars).size !== chars.length) fail('the vocabulary repeats characters');
  return chars as string[];
}

function readSpans(value: unknown, length: number): TextSpan[] {
  return list(value, RUN_FILE_LIMITS.spans, 'a sample’s copied spans').map((span) => {
    if (
      !isObject(span) ||
      !isCount(span.start) ||
      !isCount(span.end, length) ||
      span.start > span.end
    )
      return fail('a copied span is out of its sample');
    return { start: span.start, end: span.end };
  });
}

function readSample(value: unknown): SavedSample {
  if (
    !isObject(value) ||
    !isCount(value.step) ||
    !isReal(value.epoch) ||
    !isReal(value.temperature)
  )
    return fail('a sample is malformed');
  if (value.loss !== null && !isReal(value.loss)) return fail('a sample’s loss is not a number');
  const sampleText = text(value.text, RUN_FILE_LIMITS.sampleChars, 'a sample');
  return {
    step: value.step,
    epoch: value.epoch,
    loss: value.loss,
    prime: text(value.prime, RUN_FILE_LIMITS.sampleChars, 'a sample’s prime'),
    temperature: value.temperature,
    text: sampleText,
    copied: readSpans(value.copied, [...sampleText].length),
  };
}

function readHistory(value: unknown): RunHistory {
  if (!isObject(value)) return fail('the history is missing');
  const point = (p: unknown, what: string) => {
    if (!isObject(p) || !isCount(p.step) || !isReal(p.loss)) return fail(`${what} is malformed`);
    return p;
  };
  const trainLoss = list(value.trainLoss, RUN_FILE_LIMITS.trainPoints, 'the training loss').map(
    (p) => {
      const { step, loss } = point(p, 'a training-loss point');
      return { step: step as number, loss: loss as number };
    },
  );
  const valLoss = list(value.valLoss, RUN_FILE_LIMITS.valPoints, 'the validation loss').map((p) => {
    const { step, loss, epoch } = point(p, 'a validation point');
    return { step: step as number, loss: loss as number, epoch: isReal(epoch) ? epoch : 0 };
  });
  const accuracy = list(value.accuracy ?? [], RUN_FILE_LIMITS.valPoints, 'the accuracy').map(
    (p) => {
      if (!isObject(p) || !isCount(p.step) || !isReal(p.epoch) || !isReal(p.accuracy))
        return fail('an accuracy point is malformed');
      return { step: p.step, epoch: p.epoch, accuracy: p.accuracy };
    },
  );
  const samples = list(value.samples, RUN_FILE_LIMITS.samples, 'the samples').map(readSample);
  const droppedSamples = isCount(value.droppedSamples) ? value.droppedSamples : 0;
  return { trainLoss, valLoss, samples, accuracy, droppedSamples };
}

/** Text of a run file -> a checked RunFile; throws an Error that says what is wrong. */
export function parseRunFile(source: string): RunFile {
  if (source.length > RUN_FILE_LIMITS.bytes)
    fail('it is larger than any run file this page writes');
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    return fail('it is not valid JSON');
  }
  if (!isObject(json) || json.format !== RUN_FILE_FORMAT)
    return fail('it is not an RNN Playground run file');
  if (json.version !== 1) fail(`version ${String(json.version)} is not supported`);
  const learningRate = json.learningRate;
  if (!isReal(learningRate) || learningRate <= 0)
    fail('its learning rate is not a positive number');
  if (!isCount(json.step)) fail('its step is not a whole number');
  if (!isReal(json.savedAt)) fail('its save time is not a number');
  const corpusHash = text(json.corpusHash, 200, 'the corpus hash');
  return {
    format: RUN_FILE_FORMAT,
    version: 1,
    name: text(json.name, RUN_FILE_LIMITS.name, 'the name'),
    corpus: readCorpus(json.corpus),
    corpusHash,
    hyper: readHyperparameters(json.hyper),
    backend: oneOf(json.backend, BACKEND_CHOICES, 'backend'),
    learningRate: learningRate as number,
    step: json.step as number,
    vocabulary: readVocabulary(json.vocabulary),
    history: readHistory(json.history),
    savedAt: json.savedAt as number,
  };
}

/** An imported run file as a read-only saved run (no weights: it can be compared, not resumed). */
export function runFromFile(file: RunFile, id: string, now: number): SavedRun {
  const { corpus, corpusHash, hyper, backend, learningRate, step, vocabulary, history } = file;
  return {
    ...{ corpus, corpusHash, hyper, backend, learningRate, step, vocabulary, history },
    id,
    name: file.name.endsWith('(imported)') ? file.name : `${file.name} (imported)`,
    reason: 'imported',
    createdAt: now,
    savedAt: now,
    bytes: historyBytes(file.history),
  };
}
