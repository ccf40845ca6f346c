// One saved run: its name (renamed inline), corpus, settings, step, save time and size, and what
// can be done with it. Delete asks first; Resume is offered for runs that have weights; Export
// downloads it as a run file.
import { useId, useState } from 'react';
import { formatBytes, formatInt } from '../app/format.ts';
import { canResume, formatSavedAt, settingsSummary, type SavedRun } from '../app/savedRun.ts';

interface Props {
  run: SavedRun;
  /** This run is the one training now: the Training panel drives it. */
  live: boolean;
  /** Why Resume cannot start now (a run is under way), or null. */
  resumeBlocked: string | null;
  onResume: (run: SavedRun) => void;
  onRename: (id: string, name: string) => void;
  onDelete: (id: string) => void;
  /** Downloads the run as a run file (see ModelFilesPanel for importing one). */
  onExport: (run: SavedRun) => void;
}

const REASONS: Record<SavedRun['reason'], string> = {
  autosave: 'while training',
  paused: 'paused',
  stopped: 'stopped',
  done: 'finished',
  imported: 'imported run file (history only)',
};

export function SavedRunRow(props: Props) {
  const { run, live, resumeBlocked, onResume, onRename, onDelete, onExport } = props;
  const id = useId();
  // Every row has the same buttons: each names its run to screen readers through this.
  const nameId = `${id}-name`;
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const corpus = run.corpus.kind === 'own' ? `${run.corpus.title} (your text)` : run.corpus.title;
  const finished = run.reason === 'done';
  const save = () => {
    const name = draft?.trim() ?? '';
    if (name !== '' && name !== run.name) onRename(run.id, name.slice(0, 200));
    setDraft(null);
  };

  return (
    <li className="run-item">
      {draft === null ? (
        <div className="run-name" id={nameId}>
          {run.name}
        </div>
      ) : (
        <form
          className="files-row"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <label htmlFor={id}>Run name</label>
          <input
            id={id}
            className="rename-input"
            value={draft}
            maxLength={200}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setDraft(null);
            }}
          />
          <button type="submit">Save name</button>
          <button type="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </form>
      )}
      <p className="run-facts">
        {corpus} · {settingsSummary(run.hyper)} · step {formatInt(run.step)} · {REASONS[run.reason]}{' '}
        · saved {formatSavedAt(run.savedAt)} · {formatBytes(run.bytes)}
        {live && ' · training now'}
      </p>
      {confirming ? (
        <div className="buttons" role="group" aria-label={`Delete ${run.name}?`}>
          <span>Delete “{run.name}” for good?</span>
          <button type="button" onClick={() => onDelete(run.id)}>
            Yes, delete it
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="buttons">
          {canResume(run) && !live && (
            <button
              type="button"
              disabled={resumeBlocked !== null || finished}
              title={
                finished
                  ? 'This run finished all its epochs.'
                  : (resumeBlocked ?? 'Continue training from this save')
              }
              aria-describedby={nameId}
              onClick={() => onResume(run)}
            >
              Resume
            </button>
          )}
          <button
            type="button"
            onClick={() => setDraft(run.name)}
            disabled={draft !== null}
            aria-describedby={nameId}
          >
            Rename
          </button>
          <button
            type="button"
            onClick={() => onExport(run)}
            aria-describedby={nameId}
            title="Download as a run file: settings, vocabulary, loss history and samples"
          >
            Export
          </button>
          <button
            type="button"
            onClick={() => setConfirming(true)}
            disabled={live}
            aria-describedby={nameId}
            title={live ? 'Stop the run first.' : undefined}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
