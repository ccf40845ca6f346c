// Text the network writes as it trains, oldest first, so reading down the list is watching
// gibberish turn into words. The list follows new samples unless the reader has scrolled up.
// Passages the network copied word for word from the training text are marked: memorisation
// made visible.
import './insights.css';
import { Fragment, memo, useEffect, useRef } from 'react';
import type { SampleEntry, TrainingState } from '../app/store.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import { formatInt, formatLoss, formatNumber } from '../app/format.ts';
import { copiedSummary, countCopied, splitCopied } from '../app/sampleLookup.ts';

const selectSamples = (state: TrainingState) => state.samples;
const selectDropped = (state: TrainingState) => state.droppedSamples;

/** How close to the bottom (px) still counts as "following" the newest sample. */
const FOLLOW_SLACK_PX = 48;

/**
 * The sample's prime (the seed text it continues), set apart from what the network wrote, and
 * the copied passages marked. The worker sends the continuation without the prime; its copied
 * spans count code points of the continuation.
 */
export function SampleText({ sample }: { sample: SampleEntry }) {
  return (
    <pre className="sample-text">
      {sample.prime !== '' && (
        <mark className="prime" title="Prime: the text the sample starts from">
          {sample.prime}
        </mark>
      )}
      {splitCopied(sample.text, sample.copied).map((segment, i) =>
        segment.copied ? (
          <mark key={i} className="copied" title="copied from the training text">
            {segment.text}
          </mark>
        ) : (
          <Fragment key={i}>{segment.text}</Fragment>
        ),
      )}
    </pre>
  );
}

/** One sample of the timeline; memoised, as a new sample re-renders the list but not the others. */
const SampleItem = memo(function SampleItem({ sample }: { sample: SampleEntry }) {
  const copied = countCopied(sample.text, sample.copied);
  return (
    <>
      <p className="sample-meta">
        epoch {formatNumber(sample.epoch)} · step {formatInt(sample.step)} · loss{' '}
        {formatLoss(sample.loss)} · T={formatNumber(sample.temperature)}
        {copied > 0 && <span className="copied-count"> · {copiedSummary(copied)}</span>}
      </p>
      <SampleText sample={sample} />
    </>
  );
});

export function SamplesTimeline() {
  const samples = useTrainingState(selectSamples);
  const dropped = useTrainingState(selectDropped);
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    // A new run starts at the top and follows again.
    if (samples.length === 0) following.current = true;
    else if (following.current) el.scrollTop = el.scrollHeight;
  }, [samples]);

  const onScroll = () => {
    const el = scroller.current;
    if (el === null) return;
    following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_SLACK_PX;
  };

  return (
    <section className="panel samples" aria-label="Samples">
      <h2>Samples</h2>
      {/* Focusable so keyboard users can scroll the timeline. */}
      <div className="samples-scroll" ref={scroller} onScroll={onScroll} tabIndex={0}>
        {samples.length === 0 ? (
          <p className="muted">
            Samples appear here as the network trains (first one at 0.03 epochs).
          </p>
        ) : (
          <ol className="sample-list">
            {samples.map((sample, index) => (
              <li key={sample.id}>
                {index === 1 && dropped > 0 && (
                  <p className="muted dropped">
                    {formatInt(dropped)} earlier samples are not shown.
                  </p>
                )}
                <SampleItem sample={sample} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
