// Everything about saved runs, in one hook the App mounts: the list, autosave of the current run,
// resuming a saved run, and export and import. The App hands over its form and run controls.
import { useCallback, useEffect, useRef } from 'react';
import type { BackendChoice, Hyperparameters } from '../workers/protocol.ts';
import type { CorpusEntry } from '../corpus/manifest.ts';
import { contentHash } from './contentHash.ts';
import { toForm, type FormState } from './hyperparameters.ts';
import { controlRule, lessonConflict, lessonCorpusConflict, type Lesson } from './lessonLink.ts';
import { isOwnCorpus, type OwnCorpus } from './ownCorpus.ts';
import { newRecordId, useAutosave, type RunContext } from './useAutosave.ts';
import { useModelFiles } from './useModelFiles.ts';
import { useResume, type PageControls } from './useResume.ts';
import type { SavedCorpus } from './savedRun.ts';
import { useSavedRuns } from './useSavedRuns.ts';

export interface RunsOptions extends Omit<
  PageControls,
  'autosave' | 'applySettings' | 'checkCorpus'
> {
  /** The selected corpus: what a run started with Train or Step trains on. */
  entry: CorpusEntry | OwnCorpus | undefined;
  formValues: Hyperparameters | null;
  backend: BackendChoice;
  setForm: (form: FormState) => void;
  setBackend: (backend: BackendChoice) => void;
  /** A lesson link's fixed controls, and the values the page started with. */
  lesson: { rules: Lesson; values: Hyperparameters };
}

export function useRuns(options: RunsOptions) {
  const { store, bridge, loadText, setForm, setBackend, lesson } = options;
  const saved = useSavedRuns();
  const entry = useRef(options.entry);
  useEffect(() => {
    entry.current = options.entry;
  });

  const newContext = useCallback(
    (corpus: CorpusEntry | OwnCorpus): RunContext => {
      const now = Date.now();
      const own = isOwnCorpus(corpus);
      const hash = own ? contentHash(corpus.text) : loadText(corpus).then(contentHash);
      // Awaited by the run's first save; a failure then becomes that save's message.
      hash.catch(() => undefined);
      return {
        recordId: newRecordId(now),
        createdAt: now,
        corpus: own
          ? { kind: 'own', title: corpus.title }
          : { kind: 'builtin', id: corpus.id, title: corpus.title },
        text: own ? corpus.text : null,
        hash,
        textSaved: false,
        restore: null,
      };
    },
    [loadText],
  );

  const autosave = useAutosave({
    store,
    bridge,
    contextForNewRun: () => {
      // A new run supersedes the offer to resume the previous one.
      saved.dismissOffer();
      return entry.current === undefined ? null : newContext(entry.current);
    },
    onSaved: saved.upsert,
    onError: saved.setError,
  });
  const applySettings = useCallback(
    (hyper: Hyperparameters, backend?: BackendChoice) => {
      // Thrown before anything changes: resume and import show it and start nothing.
      const conflict = lessonConflict(lesson.rules, lesson.values, hyper);
      if (conflict !== null) throw new Error(conflict);
      setForm(toForm(hyper));
      // The backend only changes speed: a lesson that fixes it keeps its own.
      if (backend !== undefined && controlRule(lesson.rules, 'backend') === null) {
        setBackend(backend);
      }
    },
    [setForm, setBackend, lesson],
  );
  const checkCorpus = useCallback(
    (corpus: SavedCorpus) => {
      const conflict = lessonCorpusConflict(lesson.rules, entry.current, corpus);
      if (conflict !== null) throw new Error(conflict);
    },
    [lesson],
  );
  const controls = { ...options, applySettings, checkCorpus, autosave };
  const resume = useResume(controls);
  const files = useModelFiles({ ...controls, runs: saved.runs, addRun: saved.add, newContext });
  return { saved, autosave, resume, files };
}

export type Runs = ReturnType<typeof useRuns>;
