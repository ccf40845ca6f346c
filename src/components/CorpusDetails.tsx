// The selected corpus at a glance, built-in or the user's own: size, characters, vocabulary, the
// time one epoch of the current model would take, the most frequent characters and the start of
// the text. The preview is plain text in a <pre>: a file full of HTML or script shows its
// characters and never runs.
import { memo } from 'react';
import type { Hyperparameters } from '../workers/protocol.ts';
import type { TrainingState } from '../app/store.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import { useThrottledValue } from '../app/useThrottledValue.ts';
import { describeEpochTime, estimateCost } from '../app/modelCost.ts';
import { formatBytes, formatInt } from '../app/format.ts';
import { charShares } from '../app/corpusView.ts';
import type { SummaryState } from '../app/useCorpusSummary.ts';

/** What the panel shows of a corpus; built-in entries and own texts both fit. */
export interface DetailsCorpus {
  title: string;
  bytes: number;
  chars: number;
  vocabSize: number;
  source?: string;
  licence?: string;
  /** Files an own text was joined from. */
  names?: readonly string[];
  /** What was done to an own text on the way in (CRLF converted, UTF-16 read, offers taken). */
  notes?: readonly string[];
}

interface Props {
  corpus: DetailsCorpus | undefined;
  summary: SummaryState | null;
  /** The form's values, or null while a field is invalid. */
  hyper: Hyperparameters | null;
}

const selectThroughput = (state: TrainingState) => state.throughput;
/** As in the Model size panel: a speed that changes every progress event reads as noise. */
const SPEED_INTERVAL_MS = 2000;

function Fact({ label, wide, children }: { label: string; wide?: boolean; children: string }) {
  return (
    <div className={wide ? 'fact-wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Memoised: the panel re-renders as the measured speed changes, the figures do not. */
const Figures = memo(function Figures({
  summary,
  chars,
}: {
  summary: SummaryState | null;
  chars: number;
}) {
  if (summary === null || summary.status === 'loading') {
    return <p className="muted">Counting characters…</p>;
  }
  if (summary.status === 'error') {
    return <p className="error-text">Could not load the text: {summary.message}</p>;
  }
  const { top, preview, previewCut } = summary.summary;
  return (
    <>
      <h3>Most frequent characters</h3>
      <ol className="char-list">
        {charShares(top, chars).map(({ symbol, name, share }) => (
          <li key={name} title={name}>
            <span className="char-symbol" aria-hidden="true">
              {symbol}
            </span>
            <span className="visually-hidden">{name}</span> <span>{share}</span>
          </li>
        ))}
      </ol>
      <h3>Start of the text</h3>
      {/* Focusable, since it scrolls; a region, so that its name is announced. */}
      <pre
        className="corpus-preview"
        data-testid="corpus-preview"
        tabIndex={0}
        role="region"
        aria-label="Start of the text"
      >
        {preview}
        {previewCut ? '…' : ''}
      </pre>
    </>
  );
});

export const CorpusDetails = memo(function CorpusDetails({ corpus, summary, hyper }: Props) {
  const measured = useTrainingState(selectThroughput);
  const throughput = useThrottledValue(measured, SPEED_INTERVAL_MS);
  if (corpus === undefined) {
    return (
      <section className="panel corpus-panel" aria-label="Corpus details">
        <h2>Corpus details</h2>
        <p className="muted">Pick a corpus, or open your own text.</p>
      </section>
    );
  }
  const epoch =
    hyper === null
      ? 'Fix the highlighted fields to estimate it.'
      : describeEpochTime(estimateCost(hyper, corpus, throughput));
  const names = corpus.names ?? [];
  return (
    <section className="panel corpus-panel" aria-label="Corpus details">
      <h2>{corpus.title}</h2>
      <dl className="facts">
        <Fact label="Size">{formatBytes(corpus.bytes)}</Fact>
        <Fact label="Characters">{formatInt(corpus.chars)}</Fact>
        <Fact label="Vocabulary">{`${formatInt(corpus.vocabSize)} distinct`}</Fact>
        {names.length > 1 && <Fact label="Files">{`${names.length} joined`}</Fact>}
        <Fact label="One epoch of the current model" wide>
          {epoch}
        </Fact>
        {corpus.source !== undefined && <Fact label="Source">{corpus.source}</Fact>}
        {corpus.licence !== undefined && <Fact label="Licence">{corpus.licence}</Fact>}
      </dl>
      {names.length > 1 && (
        <ol className="file-list" aria-label="Files joined">
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ol>
      )}
      {(corpus.notes ?? []).map((note) => (
        <p key={note} className="hint corpus-note">
          {note}
        </p>
      ))}
      <Figures summary={summary} chars={corpus.chars} />
    </section>
  );
});
