// After a reload mid-training: "Resume training at step N?" for the latest save, if it is recent.
import './runs.css';
import { formatInt } from '../app/format.ts';
import { formatSavedAt } from '../app/savedRun.ts';
import type { Runs } from '../app/useRuns.ts';

export function ResumeOffer({ runs }: { runs: Runs }) {
  const { offer, dismissOffer } = runs.saved;
  const { resume, busy, error } = runs.resume;
  if (offer === null) return null;
  return (
    <section className="panel resume-offer" aria-label="Resume saved run">
      <h2>Resume training at step {formatInt(offer.step)}?</h2>
      <p className="muted">
        “{offer.name}” was saved {formatSavedAt(offer.savedAt)},{' '}
        {offer.reason === 'paused' ? 'paused' : 'while training'}. Its weights, optimizer state,
        chart and samples come back as they were.
      </p>
      <div className="files-row">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            void resume(offer).then((ok) => ok && dismissOffer());
          }}
        >
          Resume
        </button>
        <button type="button" onClick={dismissOffer} disabled={busy}>
          Not now
        </button>
      </div>
      {error !== null && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
