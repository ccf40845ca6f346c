// The page's side of the worker protocol: owns the training worker, sends Commands, and feeds the
// worker's TrainerEvents into the store. Each Train press gets a fresh worker, so a run never
// inherits tensors, backend state or a wedged GPU context from the previous one; Reset ends the
// worker, which is what makes the next run start from freshly initialised weights. A stopped or
// finished run keeps its worker (and weights) so the page can still generate from it and look
// inside it, until the next Train or Reset.
import type {
  BackendChoice,
  Command,
  CorpusPayload,
  Checkpoint,
  Hyperparameters,
  ResumeFrom,
  TrainerEvent,
} from '../workers/protocol.ts';
import type { TrainingStore } from './trainingStore.ts';

/** The part of a Worker the bridge uses; tests or storybooks can pass a stand-in. */
export interface WorkerLike {
  postMessage(message: Command): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export interface StartOptions {
  corpus: CorpusPayload;
  hyper: Hyperparameters;
  backend: BackendChoice;
  /** Build the model and wait (Step from a fresh model) instead of training at once. */
  paused?: boolean;
  /** Continue a saved run from its checkpoint (same corpus and model settings). */
  resume?: ResumeFrom;
}

export interface TrainerBridge {
  start(options: StartOptions): void;
  pause(): void;
  resume(): void;
  /** One optimisation step, then paused. */
  step(): void;
  stop(): void;
  /** Live changes; they reach a worker that is alive, and are dropped otherwise. */
  setLearningRate(value: number): void;
  setTemperature(value: number): void;
  /** Ends the worker and forgets the run; `seed` is what the next run starts from, if known. */
  reset(seed: number | null): void;
  /** Ends the worker, if any (the App unmounting). The bridge can start again afterwards. */
  dispose(): void;
  /**
   * Sends a request about the current model (generate, inspect, …); false when no model is alive
   * to answer it (no run yet, or after Reset).
   */
  request(command: ModelRequest): boolean;
  /** Hears every event of the current worker (after the store has); returns an unsubscribe. */
  listen(listener: (event: TrainerEvent) => void): () => void;
  /** The current weights as LayersModel files (rejects when there is no model). */
  exportModel(): Promise<{ modelJson: string; weights: ArrayBuffer }>;
  /** LayersModel files -> a checkpoint to resume from, in a short-lived worker of its own. */
  importModel(modelJson: string, weights: ArrayBuffer): Promise<Checkpoint>;
}

/** Commands that ask the current model for something rather than steer training. */
export type ModelRequest = Extract<
  Command,
  { type: 'generate' | 'stopGenerating' | 'inspect' | 'export' }
>;

/**
 * How long Stop waits for the worker to confirm. A worker stuck inside a long kernel (or still
 * compiling shaders) cannot answer; the user asked to stop, so it is terminated instead.
 */
const STOP_GRACE_MS = 3000;
/** A worker that failed is ended shortly after, leaving time for any message it posted last. */
const RETIRE_DELAY_MS = 1000;

function createTrainerWorker(): WorkerLike {
  // Vite recognises this exact form and bundles the worker as its own ES module chunk.
  return new Worker(new URL('../workers/trainer.worker.ts', import.meta.url), { type: 'module' });
}

function isTrainerEvent(data: unknown): data is TrainerEvent {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string'
  );
}

export function createTrainerBridge(
  store: TrainingStore,
  createWorker: () => WorkerLike = createTrainerWorker,
): TrainerBridge {
  let worker: WorkerLike | null = null;
  const listeners = new Set<(event: TrainerEvent) => void>();
  let nextRequestId = 1;
  // At most one pending timer: Stop's deadline, or the retirement of a finished worker.
  let timer: ReturnType<typeof setTimeout> | null = null;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const end = () => {
    clearTimer();
    worker?.terminate();
    worker = null;
  };

  const endLater = (target: WorkerLike, delayMs: number, then?: () => void) => {
    clearTimer();
    timer = setTimeout(() => {
      timer = null;
      if (worker !== target) return;
      end();
      then?.();
    }, delayMs);
  };

  const send = (command: Command) => worker?.postMessage(command);

  return {
    start({ corpus, hyper, backend, paused, resume }) {
      end();
      store.beginRun({ corpusName: corpus.name, backend, hyper });
      let current: WorkerLike;
      try {
        current = createWorker();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        store.dispatch({
          type: 'error',
          message: `Could not start the training worker: ${reason}`,
        });
        return;
      }
      worker = current;
      // Messages from a worker that has since been replaced belong to an old run: ignore them.
      current.onmessage = (event) => {
        if (worker !== current) return;
        if (!isTrainerEvent(event.data)) return;
        const trainerEvent = event.data;
        store.dispatch(trainerEvent);
        for (const listener of listeners) listener(trainerEvent);
        if (trainerEvent.type !== 'phase') return;
        // Stop was answered: the worker stays, holding the weights for generation.
        if (trainerEvent.phase === 'stopped' || trainerEvent.phase === 'done') clearTimer();
        if (trainerEvent.phase === 'error') endLater(current, RETIRE_DELAY_MS);
      };
      current.onerror = (event) => {
        if (worker !== current) return;
        // Handled here; keep it from also surfacing as an uncaught page error.
        event.preventDefault();
        const where = event.filename ? ` (${event.filename}:${event.lineno})` : '';
        const what = event.message || 'the worker script failed to load or threw';
        store.dispatch({ type: 'error', message: `The training worker failed: ${what}${where}.` });
        end();
      };
      current.onmessageerror = () => {
        if (worker !== current) return;
        store.dispatch({
          type: 'error',
          message: 'A message from the training worker could not be read.',
        });
      };
      send({
        type: 'start',
        corpus,
        hyper,
        backend,
        paused: paused === true,
        ...(resume ? { resume } : {}),
      });
    },
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    step: () => send({ type: 'step' }),
    setLearningRate: (value) => send({ type: 'setLearningRate', value }),
    setTemperature: (value) => send({ type: 'setTemperature', value }),
    stop() {
      if (worker === null) return;
      send({ type: 'stop' });
      endLater(worker, STOP_GRACE_MS, () =>
        store.dispatch({
          type: 'phase',
          phase: 'stopped',
          message: 'The worker did not answer Stop in time, so it was ended.',
        }),
      );
    },
    reset(seed) {
      end();
      store.reset(seed);
    },
    dispose: end,
    request(command) {
      if (worker === null) return false;
      send(command);
      return true;
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exportModel() {
      const id = nextRequestId++;
      return new Promise((resolve, reject) => {
        const stop = this.listen((event) => {
          if (event.type !== 'exported' || event.id !== id) return;
          stop();
          if (event.weights) resolve({ modelJson: event.modelJson, weights: event.weights });
          else reject(new Error(event.error ?? 'The model could not be exported.'));
        });
        if (!this.request({ type: 'export', id })) {
          stop();
          reject(new Error('There is no model to export yet: train or step first.'));
        }
      });
    },
    importModel(modelJson, weights) {
      const id = nextRequestId++;
      const helper = createWorker();
      return new Promise<Checkpoint>((resolve, reject) => {
        helper.onmessage = (event) => {
          const data: unknown = event.data;
          if (!isTrainerEvent(data) || data.type !== 'imported' || data.id !== id) return;
          if (data.checkpoint) resolve(data.checkpoint);
          else reject(new Error(data.error ?? 'The model could not be imported.'));
        };
        helper.onerror = (event) => {
          event.preventDefault();
          reject(new Error(`The import worker failed: ${event.message}`));
        };
        helper.postMessage({ type: 'importModel', id, modelJson, weights });
      }).finally(() => helper.terminate());
    },
  };
}
