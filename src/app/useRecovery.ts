// Runs a callback once per NaN recovery the worker reports. The store holds the latest recovery;
// the page also has to act on it (put the halved rate in the form), which is an event, not state.
import { useEffect } from 'react';
import type { Recovery } from './store.ts';
import type { TrainingStore } from './trainingStore.ts';

export function useRecovery(store: TrainingStore, onRecovery: (recovery: Recovery) => void): void {
  useEffect(() => {
    let seen = store.getSnapshot().recovery;
    return store.subscribe(() => {
      const recovery = store.getSnapshot().recovery;
      if (recovery === seen) return;
      seen = recovery;
      if (recovery !== null) onRecovery(recovery);
    });
  }, [store, onRecovery]);
}
