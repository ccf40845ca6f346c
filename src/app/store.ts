// The page's training state: a pure reducer over the worker's TrainerEvents, and a tiny store
// around it that React reads with useSyncExternalStore. No DOM types here, so the Node unit tests
// (tsconfig.node.json) can import it.
import type {
  BackendChoice,
  BackendName,
  LossPoint,
  Phase,
  SkippedBackend,
  TrainerEvent,
} from '../workers/protocol.ts';

/** 'idle' until the first run; then whatever phase the worker last reported. */
export type UiPhase = 'idle' | Phase;

export interface BackendInfo {
  name: BackendName;
  software: boolean;
  detail: string;
  skipped: readonly SkippedBackend[];
}

/** What the worker reports once the corpus is encoded and the model built. */
export interface RunInfo {
  vocabSize: number;
  trainChars: number;
  valChars: number;
  stepsPerEpoch: number;
  totalSteps: number;
  paramCount: number;
}

export interface ValidationPoint extends LossPoint {
  epoch: number;
}

export interface SampleEntry {
  /** Position in this run's timeline: a stable React key even when older samples are dropped. */
  id: number;
  step: number;
  epoch: number;
  loss: number | null;
  prime: string;
  temperature: number;
  text: string;
}

/** What the page knows about a run before the worker has said anything. */
export interface RunRequest {
  corpusName: string;
  epochs: number;
  backend: BackendChoice;
}

export interface TrainingState {
  phase: UiPhase;
  /** The worker's words for the current phase, e.g. "Checking the wasm backend…". */
  phaseMessage: string;
  /** Counts Train presses, so views can tell one run from the next. */
  runId: number;
  request: RunRequest | null;
  backend: BackendInfo | null;
  run: RunInfo | null;
  trainLoss: readonly LossPoint[];
  valLoss: readonly ValidationPoint[];
  samples: readonly SampleEntry[];
  /** Samples left out of `samples` to keep the timeline's DOM small (see MAX_SAMPLES). */
  droppedSamples: number;
  nextSampleId: number;
  step: number;
  epoch: number;
  stepsPerSec: number;
  charsPerSec: number;
  error: string | null;
}

/**
 * Samples kept in the timeline. A long run samples thousands of times; the first sample (the
 * gibberish the story starts from) is always kept, then the most recent ones.
 */
export const MAX_SAMPLES = 200;

export const INITIAL_STATE: TrainingState = {
  phase: 'idle',
  phaseMessage: '',
  runId: 0,
  request: null,
  backend: null,
  run: null,
  trainLoss: [],
  valLoss: [],
  samples: [],
  droppedSamples: 0,
  nextSampleId: 0,
  step: 0,
  epoch: 0,
  stepsPerSec: 0,
  charsPerSec: 0,
  error: null,
};

/** Phases in which a worker is alive and the form must not change under it. */
export function isActivePhase(phase: UiPhase): boolean {
  return phase === 'initialising' || phase === 'running' || phase === 'paused';
}

/** A new Train press: forget the previous run entirely, and show 'initialising' at once. */
export function beginRun(state: TrainingState, request: RunRequest): TrainingState {
  return {
    ...INITIAL_STATE,
    phase: 'initialising',
    phaseMessage: 'Starting the training worker…',
    runId: state.runId + 1,
    request,
  };
}

function appendSample(state: TrainingState, sample: SampleEntry): TrainingState {
  const samples = [...state.samples, sample];
  if (samples.length <= MAX_SAMPLES) {
    return { ...state, samples, nextSampleId: sample.id + 1 };
  }
  // Drop the second-oldest: the first sample stays as the "before" picture.
  samples.splice(1, 1);
  return {
    ...state,
    samples,
    droppedSamples: state.droppedSamples + 1,
    nextSampleId: sample.id + 1,
  };
}

export function reduceTrainerEvent(state: TrainingState, event: TrainerEvent): TrainingState {
  switch (event.type) {
    case 'backend':
      return {
        ...state,
        backend: {
          name: event.name,
          software: event.software,
          detail: event.detail,
          skipped: event.skipped,
        },
      };
    case 'phase':
      return {
        ...state,
        phase: event.phase,
        phaseMessage: event.message,
        // A failing phase carries the reason; keep an earlier, more specific error if there is one.
        error: event.phase === 'error' ? (state.error ?? event.message) : state.error,
      };
    case 'started':
      // The run's numbers are in; anything charted before belongs to an earlier run.
      return {
        ...state,
        run: {
          vocabSize: event.vocabSize,
          trainChars: event.trainChars,
          valChars: event.valChars,
          stepsPerEpoch: event.stepsPerEpoch,
          totalSteps: event.totalSteps,
          paramCount: event.paramCount,
        },
        trainLoss: [],
        valLoss: [],
        samples: [],
        droppedSamples: 0,
        nextSampleId: 0,
        step: 0,
        epoch: 0,
        stepsPerSec: 0,
        charsPerSec: 0,
        error: null,
      };
    case 'progress':
      return {
        ...state,
        trainLoss: event.points.length > 0 ? state.trainLoss.concat(event.points) : state.trainLoss,
        step: event.step,
        epoch: event.epoch,
        stepsPerSec: event.stepsPerSec,
        charsPerSec: event.charsPerSec,
      };
    case 'validation':
      return {
        ...state,
        valLoss: [...state.valLoss, { step: event.step, epoch: event.epoch, loss: event.loss }],
      };
    case 'sample':
      return appendSample(state, {
        id: state.nextSampleId,
        step: event.step,
        epoch: event.epoch,
        loss: event.loss,
        prime: event.prime,
        temperature: event.temperature,
        text: event.text,
      });
    case 'error':
      return { ...state, phase: 'error', error: event.message };
  }
}

export type Listener = () => void;
/** Runs a callback soon, once; the browser passes requestAnimationFrame. */
export type Scheduler = (callback: () => void) => void;

export interface TrainingStore {
  getSnapshot(): TrainingState;
  subscribe(listener: Listener): () => void;
  dispatch(event: TrainerEvent): void;
  beginRun(request: RunRequest): void;
  /** Publishes pending changes now instead of at the next scheduled flush. */
  flush(): void;
}

/** One flush per animation frame where there is one (the page); a short timer elsewhere. */
function defaultScheduler(): Scheduler {
  const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number })
    .requestAnimationFrame;
  if (typeof raf === 'function') return (cb) => void raf.call(globalThis, cb);
  return (cb) => void setTimeout(cb, 16);
}

/**
 * Events are reduced as they arrive, but listeners hear about them at most once per scheduled
 * flush: bursts of progress, validation and sample messages become one React render, which keeps
 * the main thread free of long tasks while the worker trains.
 */
export function createTrainingStore(
  schedule: Scheduler = defaultScheduler(),
  initial: TrainingState = INITIAL_STATE,
): TrainingStore {
  let published = initial;
  let pending = initial;
  let scheduled = false;
  const listeners = new Set<Listener>();

  const flush = () => {
    scheduled = false;
    if (pending === published) return;
    published = pending;
    for (const listener of listeners) listener();
  };

  const update = (next: TrainingState) => {
    pending = next;
    if (!scheduled) {
      scheduled = true;
      schedule(flush);
    }
  };

  return {
    getSnapshot: () => published,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch: (event) => update(reduceTrainerEvent(pending, event)),
    beginRun: (request) => update(beginRun(pending, request)),
    flush,
  };
}
