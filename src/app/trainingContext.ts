// Hands the App's store (and its worker bridge) to the panels. Each panel selects only the slice
// it draws, so a progress event re-renders the chart and the status line but not the form or the
// corpus picker.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { TrainingState } from './store.ts';
import type { TrainerBridge } from './trainerBridge.ts';
import type { TrainingStore } from './trainingStore.ts';

export const TrainingStoreContext = createContext<TrainingStore | null>(null);

export function useTrainingStore(): TrainingStore {
  const store = useContext(TrainingStoreContext);
  if (store === null) throw new Error('useTrainingStore needs a TrainingStoreContext provider.');
  return store;
}

/**
 * Reads part of the training state. The selector must return a primitive or a reference that
 * the reducer preserves while unchanged (e.g. `s.trainLoss`), never a fresh object.
 */
export function useTrainingState<T>(selector: (state: TrainingState) => T): T {
  const store = useTrainingStore();
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getSnapshot()),
    () => selector(store.getSnapshot()),
  );
}

/** What panels may do with the worker: ask the current model things and hear its answers. */
export type ModelChannel = Pick<TrainerBridge, 'request' | 'listen'>;

export const TrainerBridgeContext = createContext<ModelChannel | null>(null);

/** The bridge to the current model, for panels that generate from it or look inside it. */
export function useModelChannel(): ModelChannel {
  const channel = useContext(TrainerBridgeContext);
  if (channel === null) throw new Error('useModelChannel needs a TrainerBridgeContext provider.');
  return channel;
}
