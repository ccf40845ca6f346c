// Wires the panels together: owns the store and the worker bridge, the form's state, the preset
// and corpus choice, live changes; the run flows (Train, Step, Reset) live in useRunFlows.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { BackendChoice } from '../workers/protocol.ts';
import { findPreset } from '../model/presets.ts';
import { isActivePhase, type Recovery } from '../app/store.ts';
import { createTrainingStore } from '../app/trainingStore.ts';
import { TrainerBridgeContext, TrainingStoreContext } from '../app/trainingContext.ts';
import { createTrainerBridge } from '../app/trainerBridge.ts';
import { useCorpusLibrary } from '../app/useCorpusLibrary.ts';
import { useOwnCorpus } from '../app/useOwnCorpus.ts';
import { validationSettings } from '../app/ownCorpus.ts';
import { useCorpusSummary } from '../app/useCorpusSummary.ts';
import {
  boundedValue,
  checkForm,
  matchPreset,
  presetCorpus,
  rateText,
  toForm,
  type FormPatch,
  type NumericKey,
} from '../app/hyperparameters.ts';
import { trainBlockedReason } from '../app/runChecks.ts';
import { useRunFlows } from '../app/useRunFlows.ts';
import { isLiveKey, useLiveSettings, type LiveSender } from '../app/useLiveSettings.ts';
import { useRecovery } from '../app/useRecovery.ts';
import { parseUrlState, withBackend } from '../app/urlState.ts';
import { LOCK_NOTE, controlRule } from '../app/lessonLink.ts';
import { useRuns } from '../app/useRuns.ts';
import { useShareLink } from '../app/useShareLink.ts';
import { formatRate } from '../app/format.ts';
import { AppFooter, AppHeader } from './Masthead.tsx';
import { CorpusPicker } from './CorpusPicker.tsx';
import { CorpusDetails } from './CorpusDetails.tsx';
import { OwnTextInput } from './OwnTextInput.tsx';
import { DropOverlay } from './DropOverlay.tsx';
import { HyperparameterForm } from './HyperparameterForm.tsx';
import type { FormMode } from './FormFields.tsx';
import { ModelCost } from './ModelCost.tsx';
import { TrainingControls } from './TrainingControls.tsx';
import { BackendInfo } from './BackendInfo.tsx';
import { RunSummary } from './RunSummary.tsx';
import { LossChart } from './LossChart.tsx';
import { SamplesTimeline } from './SamplesTimeline.tsx';
import { LessonBanner } from './LessonBanner.tsx';
import { SharePanel } from './SharePanel.tsx';
import { ResumeOffer } from './ResumeOffer.tsx';
import { RunsPanels } from './RunsPanels.tsx';
import { InsightPanels } from './InsightPanels.tsx';

const BASE_URL = import.meta.env.BASE_URL;

export function App() {
  const [store] = useState(() => createTrainingStore());
  const [bridge] = useState(() => createTrainerBridge(store));
  const [initialUrl] = useState(() => parseUrlState(window.location.search));
  const [lesson] = useState(() => ({ rules: initialUrl.lesson, values: initialUrl.hyper }));
  const { library, loadText } = useCorpusLibrary(BASE_URL);

  // A shared link or lesson link names the corpus and settings to start from (urlState.ts).
  const [selectedId, setSelectedId] = useState<string | null>(initialUrl.corpus);
  const [form, setForm] = useState(() => toForm(initialUrl.hyper));
  const [presetNote, setPresetNote] = useState<string | null>(null);
  const [backend, setBackend] = useState<BackendChoice>(initialUrl.backend);
  const [backendNotes, setBackendNotes] = useState<readonly string[]>(initialUrl.notes);
  const [pageError, setPageError] = useState<string | null>(null);

  const phase = useSyncExternalStore(store.subscribe, () => store.getSnapshot().phase);
  const active = isActivePhase(phase);

  // Live values go to a worker that is running or paused; otherwise they wait for the next run.
  const sendLive = useCallback<LiveSender>(
    (key, value) => {
      const now = store.getSnapshot().phase;
      if (now !== 'running' && now !== 'paused') return false;
      if (key === 'learningRate') bridge.setLearningRate(value);
      else bridge.setTemperature(value);
      return true;
    },
    [store, bridge],
  );
  const live = useLiveSettings(sendLive);
  const { propose, commit, restart, acknowledge } = live;

  // The worker's NaN recovery halved the learning rate: the field shows the rate the run now uses.
  const onRecovery = useCallback(
    ({ learningRate: rate }: Recovery) => {
      setForm((f) => ({ ...f, text: { ...f.text, learningRate: rateText(rate) } }));
      acknowledge('learningRate', rate, `Halved to ${formatRate(rate)} after the loss diverged.`);
    },
    [acknowledge],
  );
  useRecovery(store, onRecovery);

  // The worker must not outlive the page's component tree.
  useEffect(() => () => bridge.dispose(), [bridge]);

  const checked = useMemo(() => checkForm(form), [form]);
  const presetId = useMemo(() => matchPreset(checked.values)?.id ?? null, [checked]);

  // The user's own texts (issue 3): added to the list, selected only when no run is under way.
  const own = useOwnCorpus({
    settings: validationSettings(checked),
    canSelect: () => !isActivePhase(store.getSnapshot().phase) && !loadingCorpus,
    select: setSelectedId,
  });
  const ownEntry = own.corpora.find((c) => c.id === selectedId);

  const corpora = library.status === 'ready' ? library.manifest.corpora : null;
  const defaultId = library.status === 'ready' ? library.manifest.defaultId : null;
  const entry =
    ownEntry ??
    (corpora === null
      ? undefined
      : (corpora.find((c) => c.id === (selectedId ?? defaultId)) ?? corpora[0]));
  const summary = useCorpusSummary(entry, loadText, own.summarise);
  const reason = trainBlockedReason(ownEntry ? 'ready' : library.status, checked, entry);

  const onText = useCallback(
    (key: NumericKey, text: string) => {
      setForm((previous) => ({ ...previous, text: { ...previous.text, [key]: text } }));
      setPresetNote(null);
      if (isLiveKey(key)) propose(key, boundedValue(key, text));
    },
    [propose],
  );

  const onCommit = useCallback(
    (key: NumericKey) => {
      if (isLiveKey(key)) commit(key);
    },
    [commit],
  );

  const onPatch = useCallback((patch: FormPatch) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setPresetNote(null);
  }, []);

  const onPreset = useCallback(
    (id: string) => {
      const preset = findPreset(id);
      if (preset === undefined) return;
      setForm(toForm(preset.hyper));
      setPageError(null);
      // A preset does not take the user away from their own text.
      if (corpora === null || ownEntry !== undefined) return;
      const corpus = presetCorpus(preset, corpora, entry);
      if ('select' in corpus) setSelectedId(corpus.select);
      setPresetNote('note' in corpus ? corpus.note : null);
    },
    [corpora, entry, ownEntry],
  );

  const onBackendChange = useCallback((choice: BackendChoice) => {
    setBackend(choice);
    setBackendNotes([]);
    // Keep the address shareable: it reproduces the backend choice.
    const { pathname, search, hash } = window.location;
    window.history.replaceState(null, '', `${pathname}${withBackend(search, choice)}${hash}`);
  }, []);

  const onSelectCorpus = useCallback((id: string) => {
    setSelectedId(id);
    setPresetNote(null);
    setPageError(null);
  }, []);

  // Issue 6: autosave, resume, export and import (useRuns), and the address bar as a share link.
  const formValues = checked.valid ? checked.values : null;
  const runs = useRuns({
    store,
    bridge,
    library,
    loadText,
    own,
    entry,
    formValues,
    backend,
    restart,
    setForm,
    setBackend: onBackendChange,
    select: onSelectCorpus,
    lesson,
  });
  const flows = useRunFlows({
    store,
    bridge,
    entry,
    checked,
    backend,
    phase,
    loadText,
    live,
    setPageError,
  });
  const { loadingCorpus, busy } = flows;
  const mode: FormMode =
    loadingCorpus || phase === 'initialising' ? 'locked' : active ? 'live' : 'edit';
  const share = useShareLink({ initial: initialUrl, formValues, entry, library, backend });
  const corpusLocked = controlRule(initialUrl.lesson, 'corpus') === 'locked';

  return (
    <TrainingStoreContext value={store}>
      <TrainerBridgeContext value={bridge}>
        <div className="app">
          <AppHeader />
          <LessonBanner />
          <main className="layout">
            <div className="column">
              <CorpusPicker
                library={library}
                own={own.corpora}
                selectedId={entry?.id ?? null}
                onSelect={onSelectCorpus}
                disabled={busy || corpusLocked}
                lockNote={
                  active
                    ? `Training on “${entry?.title ?? ''}”: stop the run to pick another corpus. ` +
                      'Texts you add meanwhile wait in the list.'
                    : corpusLocked
                      ? LOCK_NOTE
                      : null
                }
              >
                <OwnTextInput own={own} />
              </CorpusPicker>
              <CorpusDetails
                corpus={entry}
                summary={summary}
                hyper={checked.valid ? checked.values : null}
              />
              <HyperparameterForm
                form={form}
                errors={checked.errors}
                mode={mode}
                liveNotes={live.notes}
                onText={onText}
                onCommit={onCommit}
                onPatch={onPatch}
                presetId={presetId}
                presetNote={presetNote}
                onPreset={onPreset}
                backend={backend}
                onBackendChange={onBackendChange}
                backendNotes={backendNotes}
              />
              <SharePanel share={share} />
              <ModelCost hyper={checked.valid ? checked.values : null} corpus={entry} />
              <BackendInfo />
              <RunSummary />
            </div>
            <div className="column">
              <ResumeOffer runs={runs} />
              <TrainingControls
                trainBlockedReason={reason}
                loadingCorpus={loadingCorpus}
                pageError={pageError}
                onTrain={flows.onTrain}
                onStep={flows.onStep}
                onPause={bridge.pause}
                onResume={flows.onResume}
                onStop={bridge.stop}
                onReset={flows.onReset}
              />
              <LossChart />
              <SamplesTimeline />
              <InsightPanels />
              <RunsPanels runs={runs} />
            </div>
          </main>
          <AppFooter />
          <DropOverlay onDrop={own.addDrop} />
        </div>
      </TrainerBridgeContext>
    </TrainingStoreContext>
  );
}
