// Train / Step / Pause / Resume / Stop / Reset, and what the run is doing right now: a polite live
// status line, the epoch progress bar, overall progress, a NaN recovery and any error as alerts.
import { useId } from 'react';
import { isActivePhase, type TrainingState } from '../app/store.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import { describeStatus, epochProgress, formatInt, formatNumber } from '../app/format.ts';

interface Props {
  /** Why Train cannot run now (invalid fields, no corpus yet), or null when it can. */
  trainBlockedReason: string | null;
  loadingCorpus: boolean;
  /** A failure on the page's side before the worker ran (e.g. the corpus did not load). */
  pageError: string | null;
  onTrain: () => void;
  /** One step: of the paused run, or of a fresh run started paused. */
  onStep: () => void;
  onPause: () => void;
  onResume: () => void;
  onStop: () => void;
  onReset: () => void;
}

const whole = (state: TrainingState) => state;

function overallText(state: TrainingState): string | null {
  if (state.run === null) return null;
  const total = state.run.totalSteps;
  if (total === null) {
    return `Until stopped: ${formatInt(state.step)} steps, ${formatNumber(state.epoch)} epochs so far`;
  }
  const percent = total > 0 ? Math.min(100, Math.round((state.step / total) * 100)) : 0;
  return `Overall: step ${formatInt(state.step)} of ${formatInt(total)} (${percent}%)`;
}

export function TrainingControls(props: Props) {
  const { trainBlockedReason, loadingCorpus, pageError } = props;
  const state = useTrainingState(whole);
  const reasonId = useId();
  const { phase } = state;
  const active = isActivePhase(phase);

  const canTrain = !active && !loadingCorpus && trainBlockedReason === null;
  const canStep = canTrain || phase === 'paused';
  // A run to forget: anything but a fresh page, and not while the worker is being set up.
  const canReset = phase !== 'idle' && phase !== 'initialising' && !loadingCorpus;
  const blockedNote = !active && !loadingCorpus ? trainBlockedReason : null;
  const progress = epochProgress(state.epoch, state.request?.hyper.epochs ?? 1, phase === 'done');
  const epochText =
    progress.count === null
      ? `Epoch ${progress.index}: ${progress.percent}%`
      : `Epoch ${progress.index} of ${progress.count}: ${progress.percent}%`;
  const error = pageError ?? (phase === 'error' ? state.error : null);
  const blockedBy = blockedNote !== null ? reasonId : undefined;

  return (
    <section className="panel controls">
      <h2>Training</h2>
      <div className="buttons">
        <button
          type="button"
          className="primary"
          onClick={props.onTrain}
          disabled={!canTrain}
          aria-describedby={blockedBy}
        >
          Train
        </button>
        <button
          type="button"
          onClick={props.onStep}
          disabled={!canStep}
          aria-describedby={phase === 'paused' ? undefined : blockedBy}
          title="Exactly one optimisation step, then paused"
        >
          Step
        </button>
        <button type="button" onClick={props.onPause} disabled={phase !== 'running'}>
          Pause
        </button>
        <button type="button" onClick={props.onResume} disabled={phase !== 'paused'}>
          Resume
        </button>
        <button type="button" onClick={props.onStop} disabled={!active}>
          Stop
        </button>
        <button
          type="button"
          onClick={props.onReset}
          disabled={!canReset}
          title="Forget this run; the next one starts from freshly initialised weights"
        >
          Reset
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
      {state.run !== null && (
        <div className="progress-block">
          <div
            className="progress"
            role="progressbar"
            aria-label="Epoch progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress.percent}
            aria-valuetext={epochText}
          >
            <div
              className="progress-fill"
              style={{ transform: `scaleX(${progress.percent / 100})` }}
            />
          </div>
          <p className="progress-text">
            <span>{epochText}</span>
            <span>{overallText(state)}</span>
          </p>
        </div>
      )}
      {state.recovery !== null && (
        <div className="recovery" role="alert">
          <strong>Recovered from a diverging loss.</strong> {state.recovery.message}
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
