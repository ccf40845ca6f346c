// The page's training state: a pure reducer over the worker's TrainerEvents (the store around it
// is in trainingStore.ts). No DOM types here, so the Node unit tests can import it.
import type { LossPoint, Phase, TrainerEvent } from '../workers/protocol.ts';
import { measureThroughput, type Throughput } from './modelCost.ts';
import type {
  AccuracyPoint,
  BackendInfo,
  Recovery,
  RunInfo,
  RunRequest,
  SampleEntry,
  ValidationPoint,
} from './storeTypes.ts';

export type * from './storeTypes.ts';

/** 'idle' until the first run; then whatever phase the worker last reported. */
export type UiPhase = 'idle' | Phase;

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
  /** Validation loss of order-k n-gram models of the corpus: the chart's reference lines. */
  baselines: readonly { order: number; loss: number }[];
  /** Addition accuracy over the run; empty on other corpora. */
  accuracy: readonly AccuracyPoint[];
  /** Samples left out of `samples` to keep the timeline's DOM small (see MAX_SAMPLES). */
  droppedSamples: number;
  nextSampleId: number;
  step: number;
  epoch: number;
  stepsPerSec: number;
  charsPerSec: number;
  /** The step size in use (after schedule and warm-up), from the latest progress event. */
  learningRate: number | null;
  /** The latest NaN/Inf recovery of this run, shown until the next run. */
  recovery: Recovery | null;
  /** Set by Reset until the next run starts; the seed the next run starts from, if known. */
  reset: { seed: number | null } | null;
  /** Speed of the latest run that reported any; survives new runs and Reset. */
  throughput: Throughput | null;
  error: string | null;
}

/**
 * Samples kept in the timeline. A long run samples thousands of times; the first sample (the
 * gibberish the story starts from) is always kept, then the most recent ones.
 */
export const MAX_SAMPLES = 200;

/** What a run has charted and measured: empty at the start of every run. */
const NOTHING_MEASURED = {
  trainLoss: [],
  valLoss: [],
  samples: [],
  baselines: [],
  accuracy: [],
  droppedSamples: 0,
  nextSampleId: 0,
  step: 0,
  epoch: 0,
  stepsPerSec: 0,
  charsPerSec: 0,
  learningRate: null,
  recovery: null,
  error: null,
} satisfies Partial<TrainingState>;

export const INITIAL_STATE: TrainingState = {
  phase: 'idle',
  phaseMessage: '',
  runId: 0,
  request: null,
  backend: null,
  run: null,
  ...NOTHING_MEASURED,
  reset: null,
  throughput: null,
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
    throughput: state.throughput,
  };
}

/**
 * Reset: forget the run (chart, samples, backend, recovery) and go back to idle. The next run
 * builds fresh weights from its seed. A new runId, so views treat what follows as a new story.
 */
export function resetRun(state: TrainingState, seed: number | null): TrainingState {
  return {
    ...INITIAL_STATE,
    runId: state.runId + 1,
    reset: { seed },
    throughput: state.throughput,
  };
}

/** The speed this progress shows, for the model-size panel's estimate of the next run. */
function measure({ request, run, backend, throughput }: TrainingState, charsPerSec: number) {
  if (request === null || run === null || !(charsPerSec > 0)) return throughput;
  return measureThroughput(request.hyper, run.vocabSize, charsPerSec, backend?.name ?? null);
}

/**
 * Back to the weights of `event.step`: losses charted after it came from weights that no longer
 * exist (and end in NaN), so they go; validation after it too. Samples stay: they are history.
 */
function recover(
  state: TrainingState,
  event: Extract<TrainerEvent, { type: 'recovered' }>,
): TrainingState {
  const keep = <T extends LossPoint>(points: readonly T[]) =>
    points.some((p) => p.step > event.step) ? points.filter((p) => p.step <= event.step) : points;
  return {
    ...state,
    trainLoss: keep(state.trainLoss),
    valLoss: keep(state.valLoss),
    step: event.step,
    epoch: state.run !== null ? event.step / state.run.stepsPerEpoch : state.epoch,
    learningRate: event.learningRate,
    recovery: { step: event.step, learningRate: event.learningRate, message: event.message },
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
        ...NOTHING_MEASURED,
      };
    case 'progress':
      return {
        ...state,
        trainLoss: event.points.length > 0 ? state.trainLoss.concat(event.points) : state.trainLoss,
        step: event.step,
        epoch: event.epoch,
        stepsPerSec: event.stepsPerSec,
        charsPerSec: event.charsPerSec,
        learningRate: event.learningRate,
        throughput: measure(state, event.charsPerSec),
      };
    case 'recovered':
      return recover(state, event);
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
        copied: event.copied,
      });
    case 'baselines':
      return { ...state, baselines: event.losses };
    case 'taskAccuracy':
      return {
        ...state,
        accuracy: [
          ...state.accuracy,
          { step: event.step, epoch: event.epoch, accuracy: event.accuracy },
        ],
      };
    case 'error':
      return { ...state, phase: 'error', error: event.message };
    case 'generated':
    case 'inspection':
    case 'inspectionFailed':
    case 'exported':
    case 'imported':
    case 'checkpoint':
      // Answers to requests about the model, and autosave data: their listeners take them.
      return state;
  }
}
