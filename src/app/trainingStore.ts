// A tiny store around the training-state reducer, which React reads with useSyncExternalStore.
// No DOM types here, so the Node unit tests (tsconfig.node.json) can import it.
import type { TrainerEvent } from '../workers/protocol.ts';
import {
  INITIAL_STATE,
  beginRun,
  reduceTrainerEvent,
  resetRun,
  type RunRequest,
  type TrainingState,
} from './store.ts';
import { restoreHistory, type RestoredHistory } from './restoreHistory.ts';

export type Listener = () => void;
/** Runs a callback soon, once; the browser passes requestAnimationFrame. */
export type Scheduler = (callback: () => void) => void;

export interface TrainingStore {
  getSnapshot(): TrainingState;
  subscribe(listener: Listener): () => void;
  dispatch(event: TrainerEvent): void;
  beginRun(request: RunRequest): void;
  /** Forgets the run (Reset); `seed` is the one the next run will start from, if known. */
  reset(seed: number | null): void;
  /** A resumed run's saved chart and samples, after its 'started' event cleared them. */
  restoreHistory(history: RestoredHistory): void;
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
    reset: (seed) => update(resetRun(pending, seed)),
    restoreHistory: (history) => update(restoreHistory(pending, history)),
    flush,
  };
}
