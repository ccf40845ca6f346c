// Export and import: the model as LayersModel files, the run as a run file, and both back in.
import './runs.css';
import { useId } from 'react';
import { isActivePhase, type TrainingState } from '../app/store.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import type { Runs } from '../app/useRuns.ts';

const selectModel = (state: TrainingState) => state.run !== null && state.phase !== 'error';
const selectActive = (state: TrainingState) => isActivePhase(state.phase);

export function ModelFilesPanel({ runs }: { runs: Runs }) {
  const files = runs.files;
  const hasModel = useTrainingState(selectModel);
  const active = useTrainingState(selectActive);
  const modelId = useId();
  const runFileId = useId();

  return (
    <section className="panel" aria-label="Export and import">
      <h2>Export and import</h2>
      <div className="files-row">
        <button
          type="button"
          onClick={() => void files.exportModel()}
          disabled={!hasModel || files.busy}
        >
          Export model
        </button>
        <button
          type="button"
          onClick={() => void files.exportRunFile()}
          disabled={!hasModel || files.busy}
        >
          Export run file
        </button>
      </div>
      <p className="muted info-text">
        The model downloads as model.json and model.weights.bin, a standard TensorFlow.js
        LayersModel: keep both in one folder and stock <code>tf.loadLayersModel</code> loads them
        (the vocabulary is in model.json’s metadata). The run file holds the settings, vocabulary,
        loss history and samples, without weights.
      </p>
      {files.links.length > 0 && (
        <p className="info-text">
          If your browser kept only one file:{' '}
          {files.links.map((link) => (
            <a key={link.name} href={link.url} download={link.name}>
              {link.name}{' '}
            </a>
          ))}
        </p>
      )}
      <div className="files-row">
        <label htmlFor={modelId}>Import model</label>
        <input
          id={modelId}
          type="file"
          multiple
          accept=".json,.bin,application/json,application/octet-stream"
          disabled={files.busy || active}
          aria-describedby={`${modelId}-hint`}
          onChange={(e) => {
            const chosen = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (chosen.length > 0) void files.importModel(chosen);
          }}
        />
      </div>
      <p id={`${modelId}-hint`} className="muted info-text">
        Choose model.json and model.weights.bin together. The model continues, paused, on the
        selected corpus, which must have the characters it was trained on.
      </p>
      <div className="files-row">
        <label htmlFor={runFileId}>Import run file</label>
        <input
          id={runFileId}
          type="file"
          accept=".json,application/json"
          disabled={files.busy}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (chosen !== undefined) void files.importRunFile(chosen);
          }}
        />
      </div>
      {files.error !== null && (
        <p className="error-text" role="alert">
          {files.error}
        </p>
      )}
      {files.notice !== null && (
        <p className="info-text" aria-live="polite">
          {files.notice}
        </p>
      )}
    </section>
  );
}
