// Export and import: the current model as LayersModel files (model.json + model.weights.bin, which
// stock tf.loadLayersModel reads from one folder), the current or any saved run as a run file,
// and both back.
// Every import is checked in full before anything changes: a bad file leaves the form, the run and
// the saved runs as they were, and says what is wrong.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendChoice, Hyperparameters } from '../workers/protocol.ts';
import type { CorpusEntry } from '../corpus/manifest.ts';
import { validateHyperparameters } from '../model/config.ts';
import { buildVocab } from '../model/vocab.ts';
import { isActivePhase } from './store.ts';
import { isOwnCorpus, type OwnCorpus } from './ownCorpus.ts';
import { parseRunFile, runFileName, runFromFile, toRunFile, RUN_FILE_LIMITS } from './runFile.ts';
import type { SavedRun } from './savedRun.ts';
import { errorMessage } from './useCorpusLibrary.ts';
import { newRecordId, type RunContext } from './useAutosave.ts';
import { STOP_FIRST, type PageControls } from './useResume.ts';

export interface FileLink {
  name: string;
  url: string;
}

/** Larger than any model this page can build (4 layers of 1,024 units, 20,000 characters). */
const MAX_MODEL_JSON_BYTES = 16 * 1024 * 1024;
const MAX_WEIGHTS_BYTES = 640 * 1024 * 1024;

interface Options extends PageControls {
  entry: CorpusEntry | OwnCorpus | undefined;
  /** The form's values, or null while a field is invalid. */
  formValues: Hyperparameters | null;
  backend: BackendChoice;
  runs: readonly SavedRun[];
  addRun: (run: SavedRun) => Promise<void>;
  newContext: (entry: CorpusEntry | OwnCorpus) => RunContext;
}

function download({ name, url }: FileLink): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export function useModelFiles(options: Options) {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const [links, setLinks] = useState<readonly FileLink[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const urls = useRef<string[]>([]);
  // Object URLs live until the page goes: a download may still be reading one.
  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);

  const offer = useCallback((name: string, blob: Blob): FileLink => {
    const url = URL.createObjectURL(blob);
    urls.current.push(url);
    return { name, url };
  }, []);

  /** Runs one action: its error, or its notice, replaces the previous one. */
  const act = useCallback(async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }, []);

  const exportModel = () =>
    act(async () => {
      const { modelJson, weights } = await latest.current.bridge.exportModel();
      const files = [
        offer('model.json', new Blob([modelJson], { type: 'application/json' })),
        offer('model.weights.bin', new Blob([weights], { type: 'application/octet-stream' })),
      ];
      setLinks(files);
      files.forEach(download);
      return null;
    });

  /** Downloads `chosen` (a saved run's Export), or else the run in the Training panel. */
  const exportRunFile = (chosen?: SavedRun) =>
    act(async () => {
      const id = latest.current.autosave.currentRecordId();
      const run = chosen ?? latest.current.runs.find((r) => r.id === id);
      if (run === undefined)
        throw new Error('This run has not been saved yet: train or step first.');
      const text = JSON.stringify(toRunFile(run));
      download(offer(runFileName(run), new Blob([text], { type: 'application/json' })));
      return null;
    });

  const importRunFile = (file: File) =>
    act(async () => {
      if (file.size > RUN_FILE_LIMITS.bytes)
        throw new Error('This file is too large to be a run file.');
      const parsed = parseRunFile(await file.text());
      const now = Date.now();
      const run = runFromFile(parsed, newRecordId(now), now);
      await latest.current.addRun(run);
      return `Imported “${run.name}” into Saved runs: tick it in Compare runs to see its curves.`;
    });

  const importModel = (files: readonly File[]) =>
    act(async () => {
      const json = files.find((f) => f.name.toLowerCase().endsWith('.json'));
      const weights = files.find((f) => f !== json);
      if (files.length !== 2 || json === undefined || weights === undefined) {
        throw new Error('Choose both files together: model.json and model.weights.bin.');
      }
      if (json.size > MAX_MODEL_JSON_BYTES || weights.size > MAX_WEIGHTS_BYTES) {
        throw new Error('These files are larger than any model this page can train.');
      }
      const modelJson = await json.text();
      try {
        JSON.parse(modelJson);
      } catch {
        throw new Error(
          `${json.name} is not valid JSON: it is not a model.json file, or it is damaged.`,
        );
      }
      const o = latest.current;
      if (isActivePhase(o.store.getSnapshot().phase)) throw new Error(STOP_FIRST);
      if (o.entry === undefined || o.formValues === null) {
        throw new Error('Pick a corpus and fix the settings first: the model continues on them.');
      }
      const { entry, formValues } = o;
      const checkpoint = await o.bridge.importModel(modelJson, await weights.arrayBuffer());
      const text = isOwnCorpus(entry) ? entry.text : await o.loadText(entry);
      // The worker checks this too; checking here first keeps the page as it was on a mismatch.
      const chars = buildVocab(text).chars;
      if (chars.join('') !== checkpoint.vocabulary.join('')) {
        throw new Error(
          `This model knows ${checkpoint.vocabulary.length} characters and “${entry.title}” has ` +
            `${chars.length} others: pick the corpus it was trained on, then import it again.`,
        );
      }
      const { cell, layers, hiddenSize, embeddingSize } = checkpoint.shape;
      const hyper = { ...formValues, cell, layers, hiddenSize, embeddingSize };
      hyper.optimizer = checkpoint.optimizer;
      const problems = Object.values(validateHyperparameters(hyper));
      if (problems.length > 0) throw new Error(`The model does not fit the form: ${problems[0]}`);
      if (isActivePhase(o.store.getSnapshot().phase)) throw new Error(STOP_FIRST);
      o.applySettings(hyper);
      o.restart({ learningRate: hyper.learningRate, temperature: hyper.temperature });
      // No history comes with a model, but the chart and status go on from its step.
      const empty = { trainLoss: [], valLoss: [], samples: [], accuracy: [], droppedSamples: 0 };
      const restore = { ...empty, step: checkpoint.step };
      o.autosave.adoptNextRun({ ...o.newContext(entry), restore });
      o.bridge.start({
        corpus: { name: entry.title, text },
        hyper,
        backend: o.backend,
        paused: true,
        resume: { checkpoint, learningRate: hyper.learningRate },
      });
      o.store.flush();
      return `Imported the model at step ${checkpoint.step}: it is paused on “${entry.title}”.`;
    });

  return { links, error, notice, busy, exportModel, exportRunFile, importModel, importRunFile };
}

export type ModelFiles = ReturnType<typeof useModelFiles>;
