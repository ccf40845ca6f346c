// A saved run as the page keeps it in IndexedDB: everything but the weights, which sit in their own
// store so the Saved runs list never loads megabytes of Float32Arrays just to show names. Pure: no
// DOM, no tfjs (src/model/checkpoint.ts pulls tfjs in, so its checks are not used on the page).
import type {
  BackendChoice,
  Checkpoint,
  Hyperparameters,
  LossPoint,
  TrainerEvent,
} from '../workers/protocol.ts';
import { CELL_LABELS, OPTIMIZER_LABELS } from '../model/kinds.ts';
import type { AccuracyPoint, TrainingState, ValidationPoint } from './store.ts';
import type { SavedSample } from './restoreHistory.ts';

export type SaveReason = Extract<TrainerEvent, { type: 'checkpoint' }>['reason'];

/** A built-in corpus is saved by id (its text is in the library); the user's own text by value. */
export type SavedCorpus =
  { kind: 'builtin'; id: string; title: string } | { kind: 'own'; title: string };

export interface RunHistory {
  trainLoss: LossPoint[];
  valLoss: ValidationPoint[];
  samples: SavedSample[];
  accuracy: AccuracyPoint[];
  droppedSamples: number;
}

export interface SavedRun {
  id: string;
  name: string;
  corpus: SavedCorpus;
  /** Content hash of the corpus text ("sha256:…"): a built-in corpus that changed is noticed. */
  corpusHash: string;
  /** The settings the run started with. */
  hyper: Hyperparameters;
  backend: BackendChoice;
  /** The live base learning rate (after any live change or NaN recovery). */
  learningRate: number;
  step: number;
  vocabulary: string[];
  history: RunHistory;
  /** Why it was last saved; 'imported' marks a run file: history only, no weights to resume. */
  reason: SaveReason | 'imported';
  createdAt: number;
  savedAt: number;
  /** Roughly what it takes in storage, weights and text included. */
  bytes: number;
}

/** How recent a mid-training save must be for the page to offer resuming it on load. */
export const RESUME_OFFER_MS = 24 * 60 * 60 * 1000;

export function canResume(run: SavedRun): boolean {
  return run.reason !== 'imported';
}

/** "12 Jun, 14:05": saved-run names and times read the same on every machine of a workshop. */
export function formatSavedAt(ms: number): string {
  return new Date(ms).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "Addition · LSTM 1×16 · 12 Jun, 14:05". */
export function defaultRunName(corpusTitle: string, hyper: Hyperparameters, at: number): string {
  const cell = CELL_LABELS[hyper.cell];
  return `${corpusTitle} · ${cell} ${hyper.layers}×${hyper.hiddenSize} · ${formatSavedAt(at)}`;
}

/** One line for the list: "LSTM 1×128, seq 50, batch 32, Adam 0.01, seed 42". */
export function settingsSummary(h: Hyperparameters): string {
  const embedding = h.embeddingSize > 0 ? `, embedding ${h.embeddingSize}` : '';
  return (
    `${CELL_LABELS[h.cell]} ${h.layers}×${h.hiddenSize}${embedding}, seq ${h.seqLen}, ` +
    `batch ${h.batchSize}, ${OPTIMIZER_LABELS[h.optimizer]} ${h.learningRate}, seed ${h.seed}`
  );
}

export function checkpointBytes(checkpoint: Checkpoint): number {
  return [...checkpoint.params, ...checkpoint.slots].reduce((sum, a) => sum + a.byteLength, 0);
}

/** Approximate: numbers as 8 bytes, text as 2 bytes a code unit (what browsers store). */
export function historyBytes(history: RunHistory): number {
  const samples = history.samples.reduce((sum, s) => sum + 2 * (s.text.length + s.prime.length), 0);
  const points = history.trainLoss.length * 2 + history.valLoss.length * 3;
  return samples + 8 * (points + history.accuracy.length * 3) + 64 * history.samples.length;
}

/** The store's history, as saved (sample ids are positions, rebuilt on restore). */
export function historyOf(state: TrainingState): RunHistory {
  return {
    trainLoss: [...state.trainLoss],
    valLoss: [...state.valLoss],
    samples: state.samples.map(({ id: _id, ...sample }) => sample),
    accuracy: [...state.accuracy],
    droppedSamples: state.droppedSamples,
  };
}

/** The run to offer on load: the latest save, if it was taken mid-training and recently. */
export function resumeCandidate(runs: readonly SavedRun[], now: number): SavedRun | null {
  const latest = runs.reduce<SavedRun | null>(
    (best, run) => (best === null || run.savedAt > best.savedAt ? run : best),
    null,
  );
  if (latest === null || (latest.reason !== 'autosave' && latest.reason !== 'paused')) return null;
  return now - latest.savedAt <= RESUME_OFFER_MS ? latest : null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A light structural check of a record read back from IndexedDB: this page wrote it, but an older
 * version or another tab may have too. Records that fail are left out of the list, not trusted.
 */
export function isSavedRun(value: unknown): value is SavedRun {
  if (!isObject(value)) return false;
  const { id, name, corpus, hyper, history } = value;
  const numbers = ['learningRate', 'step', 'createdAt', 'savedAt', 'bytes'] as const;
  return (
    typeof id === 'string' &&
    typeof name === 'string' &&
    isObject(corpus) &&
    typeof corpus.title === 'string' &&
    typeof value.corpusHash === 'string' &&
    isObject(hyper) &&
    Array.isArray(value.vocabulary) &&
    isObject(history) &&
    Array.isArray(history.trainLoss) &&
    Array.isArray(history.valLoss) &&
    Array.isArray(history.samples) &&
    numbers.every((key) => typeof value[key] === 'number')
  );
}

/** The same light check for a stored checkpoint, before the worker validates it in full. */
export function looksLikeCheckpoint(value: unknown): value is Checkpoint {
  if (!isObject(value)) return false;
  const arrays = (v: unknown) => Array.isArray(v) && v.every((a) => a instanceof Float32Array);
  return (
    value.format === 'rnn-playground-checkpoint' &&
    isObject(value.shape) &&
    arrays(value.params) &&
    arrays(value.slots)
  );
}
