// Wires the panels together: owns the store and the worker bridge, the form's text, the corpus
// library, and the Train flow (load the text, check it is long enough, start the worker).
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { BackendChoice, Hyperparameters } from '../workers/protocol.ts';
import { BOUNDS, DEFAULT_HYPERPARAMETERS, minimumCorpusChars } from '../model/config.ts';
import { createTrainingStore, isActivePhase } from '../app/store.ts';
import { TrainingStoreContext } from '../app/trainingContext.ts';
import { createTrainerBridge } from '../app/trainerBridge.ts';
import { countCodePoints, loadCorpusText, loadManifest } from '../app/corpusLibrary.ts';
import { checkText, toText } from '../app/hyperparameters.ts';
import { parseUrlState, withBackend } from '../app/urlState.ts';
import { formatInt } from '../app/format.ts';
import { AppFooter, AppHeader } from './Masthead.tsx';
import { CorpusPicker, type ManifestLoad } from './CorpusPicker.tsx';
import { HyperparameterForm } from './HyperparameterForm.tsx';
import { TrainingControls } from './TrainingControls.tsx';
import { BackendInfo } from './BackendInfo.tsx';
import { RunSummary } from './RunSummary.tsx';
import { LossChart } from './LossChart.tsx';
import { SamplesTimeline } from './SamplesTimeline.tsx';

const BASE_URL = import.meta.env.BASE_URL;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function blockedReason(library: ManifestLoad, invalid: (keyof Hyperparameters)[]): string | null {
  if (library.status === 'loading') return 'Waiting for the corpus library to load.';
  if (library.status === 'error') return 'Train needs the corpus library (see the message above).';
  if (invalid.length > 0) {
    const names = invalid.map((key) => BOUNDS[key].label).join(', ');
    return `Fix ${invalid.length === 1 ? 'this field' : 'these fields'} to train: ${names}.`;
  }
  return null;
}

export function App() {
  const [store] = useState(() => createTrainingStore());
  const [bridge] = useState(() => createTrainerBridge(store));
  const [initialUrl] = useState(() => parseUrlState(window.location.search));

  const [library, setLibrary] = useState<ManifestLoad>({ status: 'loading' });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fieldText, setFieldText] = useState(() => toText(DEFAULT_HYPERPARAMETERS));
  const [backend, setBackend] = useState<BackendChoice>(initialUrl.backend);
  const [backendNotes, setBackendNotes] = useState<readonly string[]>(initialUrl.notes);
  const [loadingCorpus, setLoadingCorpus] = useState(false);
  const [pageError, setPageError] = useState<string | null>(null);
  // Texts already fetched, by corpus id: a second Train on the same corpus starts at once.
  const corpusTexts = useRef(new Map<string, string>());

  const phase = useSyncExternalStore(store.subscribe, () => store.getSnapshot().phase);
  const busy = isActivePhase(phase) || loadingCorpus;

  useEffect(() => {
    let cancelled = false;
    loadManifest(BASE_URL).then(
      (manifest) => !cancelled && setLibrary({ status: 'ready', manifest }),
      (error: unknown) =>
        !cancelled && setLibrary({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  // The worker must not outlive the page's component tree.
  useEffect(() => () => bridge.dispose(), [bridge]);

  const checked = useMemo(() => checkText(fieldText), [fieldText]);
  const invalidKeys = Object.keys(checked.errors) as (keyof Hyperparameters)[];
  const reason = blockedReason(library, invalidKeys);

  const entry =
    library.status === 'ready'
      ? (library.manifest.corpora.find(
          (c) => c.id === (selectedId ?? library.manifest.defaultId),
        ) ?? library.manifest.corpora[0])
      : undefined;

  const onFieldChange = useCallback((key: keyof Hyperparameters, text: string) => {
    setFieldText((previous) => ({ ...previous, [key]: text }));
  }, []);

  const onBackendChange = useCallback((choice: BackendChoice) => {
    setBackend(choice);
    setBackendNotes([]);
    // Keep the address shareable: it reproduces the backend choice.
    const { pathname, search, hash } = window.location;
    window.history.replaceState(null, '', `${pathname}${withBackend(search, choice)}${hash}`);
  }, []);

  const onSelectCorpus = useCallback((id: string) => {
    setSelectedId(id);
    setPageError(null);
  }, []);

  const onTrain = async () => {
    if (entry === undefined || !checked.valid || busy) return;
    const hyper = checked.values;
    setPageError(null);
    setLoadingCorpus(true);
    try {
      let text = corpusTexts.current.get(entry.id);
      if (text === undefined) {
        text = await loadCorpusText(BASE_URL, entry);
        corpusTexts.current.set(entry.id, text);
      }
      const needed = minimumCorpusChars(hyper.seqLen);
      const chars = countCodePoints(text);
      if (chars < needed) {
        setPageError(
          `"${entry.title}" has ${formatInt(chars)} characters, but a sequence length of ` +
            `${formatInt(hyper.seqLen)} needs at least ${formatInt(needed)} (a window each for ` +
            'training and validation). Pick a longer corpus or a shorter sequence length.',
        );
        return;
      }
      bridge.start({ corpus: { name: entry.title, text }, hyper, backend });
    } catch (error) {
      setPageError(errorMessage(error));
    } finally {
      setLoadingCorpus(false);
    }
  };

  return (
    <TrainingStoreContext value={store}>
      <div className="app">
        <AppHeader />
        <main className="layout">
          <div className="column">
            <CorpusPicker
              library={library}
              selectedId={entry?.id ?? null}
              onSelect={onSelectCorpus}
              disabled={busy}
            />
            <HyperparameterForm
              values={fieldText}
              errors={checked.errors}
              onChange={onFieldChange}
              backend={backend}
              onBackendChange={onBackendChange}
              backendNotes={backendNotes}
              disabled={busy}
            />
            <TrainingControls
              trainBlockedReason={reason}
              loadingCorpus={loadingCorpus}
              pageError={pageError}
              onTrain={() => void onTrain()}
              onPause={bridge.pause}
              onResume={bridge.resume}
              onStop={bridge.stop}
            />
            <BackendInfo />
            <RunSummary />
          </div>
          <div className="column">
            <LossChart />
            <SamplesTimeline />
          </div>
        </main>
        <AppFooter />
      </div>
    </TrainingStoreContext>
  );
}
