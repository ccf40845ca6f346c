// Train / Pause / Resume / Stop, and what the run is doing right now: a polite live status line,
// the epoch progress bar, overall progress, and any error as an alert.
import { useId } from 'react';
import { isActivePhase, type TrainingState } from '../app/store.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import { describeStatus, epochProgress, formatInt } from '../app/format.ts';

interface Props {
  /** Why Train cannot run now (invalid fields, no corpus yet), or null when it can. */
  trainBlockedReason: string | null;
  loadingCorpus: boolean;
  /** A failure on the page's side before the worker ran (e.g. the corpus did not load). */
  pageError: string | null;
  onTrain: () => void;
  onPause: () => void;
  onResume: () => void;
  onStop: () => void;
}

const whole = (state: TrainingState) => state;

function overallText(state: TrainingState): string | null {
  if (state.run === null) return null;
  const total = state.run.totalSteps;
  const percent = total > 0 ? Math.min(100, Math.round((state.step / total) * 100)) : 0;
  return `Overall: step ${formatInt(state.step)} of ${formatInt(total)} (${percent}%)`;
}

export function TrainingControls({
  trainBlockedReason,
  loadingCorpus,
  pageError,
  onTrain,
  onPause,
  onResume,
  onStop,
}: Props) {
  const state = useTrainingState(whole);
  const reasonId = useId();
  const { phase } = state;

  const canTrain = !isActivePhase(phase) && !loadingCorpus && trainBlockedReason === null;
  const blockedNote = !isActivePhase(phase) && !loadingCorpus ? trainBlockedReason : null;
  const progress = epochProgress(state.epoch, state.request?.epochs ?? 1, phase === 'done');
  const showProgress = state.run !== null;
  const error = pageError ?? (phase === 'error' ? state.error : null);

  return (
    <section className="panel controls">
      <h2>Training</h2>
      <div className="buttons">
        <button
          type="button"
          className="primary"
          onClick={onTrain}
          disabled={!canTrain}
          aria-describedby={blockedNote !== null ? reasonId : undefined}
        >
          Train
        </button>
        <button type="button" onClick={onPause} disabled={phase !== 'running'}>
          Pause
        </button>
        <button type="button" onClick={onResume} disabled={phase !== 'paused'}>
          Resume
        </button>
        <button type="button" onClick={onStop} disabled={!isActivePhase(phase)}>
          Stop
        </button>
      </div>
      {blockedNote !== null && (
        <p id={reasonId} className="note">
          {blockedNote}
        </p>
      )}
      <p className="status" role="status" aria-live="polite">
        {describeStatus(state, loadingCorpus)}
      </p>
      {showProgress && (
        <div className="progress-block">
          <div
            className="progress"
            role="progressbar"
            aria-label="Epoch progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress.percent}
            aria-valuetext={`epoch ${progress.index} of ${progress.count}: ${progress.percent}%`}
          >
            <div
              className="progress-fill"
              style={{ transform: `scaleX(${progress.percent / 100})` }}
            />
          </div>
          <p className="progress-text">
            <span>
              Epoch {progress.index} of {progress.count}: {progress.percent}%
            </span>
            <span>{overallText(state)}</span>
          </p>
        </div>
      )}
      {error !== null && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
