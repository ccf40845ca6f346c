// Resume a saved run: its weights and optimizer moments from storage, its corpus (a built-in one
// only if its text still has the saved hash; the user's own text from storage, put back in the
// Corpus list), its settings back in the form, and its chart and samples back in the store once
// the worker has started it. The worker checks the checkpoint against the corpus and settings.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendChoice, Hyperparameters } from '../workers/protocol.ts';
import type { CorpusEntry } from '../corpus/manifest.ts';
import { isActivePhase } from './store.ts';
import type { TrainerBridge } from './trainerBridge.ts';
import type { TrainingStore } from './trainingStore.ts';
import type { ManifestLoad } from './useCorpusLibrary.ts';
import { errorMessage } from './useCorpusLibrary.ts';
import type { Autosave } from './useAutosave.ts';
import { matchesHash } from './contentHash.ts';
import * as storage from './runStorage.ts';
import type { SavedCorpus, SavedRun } from './savedRun.ts';

/** The user's texts as the Corpus list has them, and how to add one back. */
export interface OwnTexts {
  corpora: readonly { id: string; title: string; text: string }[];
  addPasted(text: string): void;
}

/** How the page's form and run start, as the App owns them. */
export interface PageControls {
  store: TrainingStore;
  bridge: TrainerBridge;
  library: ManifestLoad;
  loadText: (entry: CorpusEntry) => Promise<string>;
  own: OwnTexts;
  /** Puts settings (and a backend) in the form; throws, changing nothing, if a lesson fixes them. */
  applySettings: (hyper: Hyperparameters, backend?: BackendChoice) => void;
  /** Throws if a lesson fixes the corpus and `corpus` is another. */
  checkCorpus: (corpus: SavedCorpus) => void;
  select: (corpusId: string) => void;
  /** Tells the live settings which learning rate and temperature the new run starts with. */
  restart: (values: { learningRate: number; temperature: number }) => void;
  autosave: Autosave;
}

export const STOP_FIRST = 'Stop the current run first: a run under way keeps its worker.';

/** How long the user's text may take to be prepared again and come back to the Corpus list. */
const OWN_TEXT_WAIT_MS = 30_000;

export function useResume(controls: PageControls) {
  const latest = useRef(controls);
  useEffect(() => {
    latest.current = controls;
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const waiting = useRef<{ text: string; found: (id: string) => void } | null>(null);

  // The user's text comes back through the corpus worker, a few renders after it was handed over.
  useEffect(() => {
    const wanted = waiting.current;
    const match = wanted && controls.own.corpora.find((c) => c.text === wanted.text);
    if (!wanted || !match) return;
    waiting.current = null;
    wanted.found(match.id);
  }, [controls.own.corpora]);

  const ownCorpusId = useCallback((text: string) => {
    const present = latest.current.own.corpora.find((c) => c.text === text);
    if (present !== undefined) return Promise.resolve(present.id);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.current = null;
        reject(new Error('Your saved text could not be put back in the Corpus list.'));
      }, OWN_TEXT_WAIT_MS);
      waiting.current = {
        text,
        found: (id) => {
          clearTimeout(timer);
          resolve(id);
        },
      };
      latest.current.own.addPasted(text);
    });
  }, []);

  /** The run's corpus text, checked, and how to select it in the Corpus list. */
  const corpusOf = useCallback(
    async (run: SavedRun): Promise<{ text: string; name: string; select: () => void }> => {
      const { library, loadText, select } = latest.current;
      if (run.corpus.kind === 'own') {
        const text = await storage.loadText(run.corpusHash);
        if (text === null)
          throw new Error('The text this run was trained on is missing from storage.');
        const id = await ownCorpusId(text);
        const title = latest.current.own.corpora.find((c) => c.id === id)?.title;
        return { text, name: title ?? run.corpus.title, select: () => select(id) };
      }
      const { id, title } = run.corpus;
      if (library.status !== 'ready') throw new Error('The corpus library has not loaded yet.');
      const entry = library.manifest.corpora.find((c) => c.id === id);
      if (entry === undefined)
        throw new Error(`The corpus “${title}” is no longer in the library.`);
      const text = await loadText(entry);
      if (!(await matchesHash(text, run.corpusHash))) {
        throw new Error(
          `The corpus “${title}” changed since this run was saved (or cannot be checked on this ` +
            'page), so the saved model would not fit it.',
        );
      }
      return { text, name: entry.title, select: () => select(entry.id) };
    },
    [ownCorpusId],
  );

  const resume = useCallback(
    async (run: SavedRun): Promise<boolean> => {
      if (isActivePhase(latest.current.store.getSnapshot().phase)) {
        setError(STOP_FIRST);
        return false;
      }
      setBusy(true);
      setError(null);
      try {
        // Before anything changes: the corpus list would switch to the run's own corpus.
        latest.current.checkCorpus(run.corpus);
        const checkpoint = await storage.loadCheckpoint(run.id);
        if (checkpoint === null) throw new Error('The saved weights of this run are missing.');
        const corpus = await corpusOf(run);
        const { store, bridge, applySettings, restart, autosave } = latest.current;
        if (isActivePhase(store.getSnapshot().phase)) throw new Error(STOP_FIRST);
        const { hyper, learningRate } = run;
        // The form shows the rate the run goes on with (a live change or a recovery may have
        // moved it); the run itself keeps the settings it started with.
        applySettings({ ...hyper, learningRate }, run.backend);
        corpus.select();
        restart({ learningRate, temperature: hyper.temperature });
        autosave.adoptNextRun({
          recordId: run.id,
          createdAt: run.createdAt,
          corpus: run.corpus,
          text: null,
          hash: Promise.resolve(run.corpusHash),
          textSaved: true,
          restore: { ...run.history, step: run.step },
        });
        bridge.start({
          corpus: { name: corpus.name, text: corpus.text },
          hyper,
          backend: run.backend,
          // A run saved while paused comes back paused; one saved while training trains on.
          paused: run.reason === 'paused',
          resume: { checkpoint, learningRate },
        });
        store.flush();
        return true;
      } catch (failure) {
        setError(errorMessage(failure));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [corpusOf],
  );

  return { resume, busy, error, clearError: () => setError(null) };
}

export type Resume = ReturnType<typeof useResume>;
