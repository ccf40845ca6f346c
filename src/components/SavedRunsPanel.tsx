// The Saved runs list: every autosaved or imported run, newest first, with the storage it takes.
import './runs.css';
import { formatBytes } from '../app/format.ts';
import { isActivePhase, type TrainingState } from '../app/store.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import { STOP_FIRST } from '../app/useResume.ts';
import type { Runs } from '../app/useRuns.ts';
import { SavedRunRow } from './SavedRunRow.tsx';

const selectPhase = (state: TrainingState) => state.phase;

export function SavedRunsPanel({ runs }: { runs: Runs }) {
  const phase = useTrainingState(selectPhase);
  const active = isActivePhase(phase);
  const { saved, resume, autosave } = runs;
  const liveId = active ? autosave.currentRecordId() : null;
  const error = saved.error ?? resume.error;
  return (
    <section className="panel" aria-label="Saved runs">
      <h2>Saved runs</h2>
      <p className="muted">
        Runs are saved in this browser as they train (every few steps, and when paused or stopped).
        {saved.usage !== null &&
          ` Storage used: ${formatBytes(saved.usage.usage)} of ${formatBytes(saved.usage.quota)}.`}
      </p>
      {error !== null && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {saved.loaded && saved.runs.length === 0 && <p className="muted">Nothing saved yet.</p>}
      <ul className="runs-list">
        {saved.runs.map((run) => (
          <SavedRunRow
            key={run.id}
            run={run}
            live={run.id === liveId}
            resumeBlocked={active || resume.busy ? STOP_FIRST : null}
            onResume={(r) => {
              saved.dismissOffer();
              void resume.resume(r);
            }}
            onRename={(id, name) => void saved.rename(id, name)}
            onDelete={(id) => void saved.remove(id)}
            onExport={(r) => void runs.files.exportRunFile(r)}
          />
        ))}
      </ul>
    </section>
  );
}
