// The run flows behind the training controls: Train, Step (from a fresh model when none is
// paused), Resume and Reset. Train and Step load the corpus text and check its length first; a
// failure becomes the page's message and changes nothing else.
import { useState } from 'react';
import type { BackendChoice } from '../workers/protocol.ts';
import type { CorpusEntry } from '../corpus/manifest.ts';
import { countCodePoints } from './corpusLibrary.ts';
import type { CheckedHyperparameters } from './hyperparameters.ts';
import { isOwnCorpus, type OwnCorpus } from './ownCorpus.ts';
import { corpusTooShort } from './runChecks.ts';
import { isActivePhase, type UiPhase } from './store.ts';
import type { TrainerBridge } from './trainerBridge.ts';
import type { TrainingStore } from './trainingStore.ts';
import { errorMessage } from './useCorpusLibrary.ts';
import type { LiveSettings } from './useLiveSettings.ts';

export interface RunFlowOptions {
  store: TrainingStore;
  bridge: TrainerBridge;
  entry: CorpusEntry | OwnCorpus | undefined;
  checked: CheckedHyperparameters;
  backend: BackendChoice;
  phase: UiPhase;
  loadText: (entry: CorpusEntry) => Promise<string>;
  live: Pick<LiveSettings, 'restart' | 'commitAll'>;
  setPageError: (message: string | null) => void;
}

export function useRunFlows(options: RunFlowOptions) {
  const { store, bridge, entry, checked, backend, phase, loadText, live } = options;
  const { setPageError } = options;
  const [loadingCorpus, setLoadingCorpus] = useState(false);
  // A run is under way or its corpus is loading: Train and Step wait.
  const busy = isActivePhase(phase) || loadingCorpus;

  /** Train, or (paused) build a fresh model for Step: load the text, check its length, start. */
  const launch = async (paused: boolean) => {
    if (entry === undefined || !checked.valid || busy) return;
    const hyper = checked.values;
    setPageError(null);
    setLoadingCorpus(true);
    try {
      const text = isOwnCorpus(entry) ? entry.text : await loadText(entry);
      const tooShort = corpusTooShort({ title: entry.title, chars: countCodePoints(text) }, hyper);
      if (tooShort !== null) {
        setPageError(tooShort);
        return;
      }
      live.restart({ learningRate: hyper.learningRate, temperature: hyper.temperature });
      bridge.start({ corpus: { name: entry.title, text }, hyper, backend, paused });
      // Publish 'initialising' now, in the same render that ends "Loading corpus…", so the
      // status line does not flash "Ready" for a frame in between.
      store.flush();
      // The worker handles commands in order: this step runs once the model is built.
      if (paused) bridge.step();
    } catch (error) {
      setPageError(errorMessage(error));
    } finally {
      setLoadingCorpus(false);
    }
  };

  const onStep = () => {
    if (phase !== 'paused') return void launch(true);
    // A rate typed a moment ago should shape this step, not the one after.
    live.commitAll();
    bridge.step();
  };

  const onResume = () => {
    live.commitAll();
    bridge.resume();
  };

  const onReset = () => {
    // The next run's seed: the form's, or the last run's while the field is being edited.
    const seed =
      checked.errors.seed === undefined
        ? checked.values.seed
        : (store.getSnapshot().request?.hyper.seed ?? null);
    live.restart(null);
    setPageError(null);
    bridge.reset(seed);
  };

  return { loadingCorpus, busy, onTrain: () => void launch(false), onStep, onResume, onReset };
}
