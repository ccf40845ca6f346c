// The loss chart's story: the sample taken at a chosen step (clicked on the chart, or picked from
// the select, the keyboard's way in), shown under the curve with its epoch, step and loss.
import { memo, useId } from 'react';
import { formatInt, formatLoss, formatNumber } from '../app/format.ts';
import type { SampleEntry } from '../app/store.ts';
import { SampleText } from './SamplesTimeline.tsx';

interface ChartSampleProps {
  samples: readonly SampleEntry[];
  /** The sample for the chosen step, if a step was chosen and a sample exists. */
  shown: { sample: SampleEntry; after: boolean } | null;
  onPick: (step: number) => void;
}

/** Memoised: its parent, the loss chart, re-renders on every progress event. */
export const ChartSample = memo(function ChartSample({ samples, shown, onPick }: ChartSampleProps) {
  const id = useId();
  if (samples.length === 0) return null;
  const sample = shown?.sample;
  return (
    <div className="chart-sample">
      <div className="field chart-sample-picker">
        <label htmlFor={id}>Show sample at step</label>
        <select
          id={id}
          value={sample?.id ?? ''}
          onChange={(e) => {
            const picked = samples.find((s) => String(s.id) === e.target.value);
            if (picked !== undefined) onPick(picked.step);
          }}
        >
          <option value="">Click the chart, or pick a step</option>
          {samples.map((s) => (
            <option key={s.id} value={s.id}>
              step {formatInt(s.step)} · epoch {formatNumber(s.epoch)}
            </option>
          ))}
        </select>
      </div>
      {/* Polite: announces the sample a click or the select brought up. */}
      {/* Focusable, as a long sample scrolls inside it. */}
      <section
        className="chosen-sample"
        aria-label="Chosen sample"
        aria-live="polite"
        tabIndex={sample === undefined ? undefined : 0}
      >
        {sample !== undefined && (
          <>
            <p className="sample-meta" data-step={sample.step}>
              Sample at step {formatInt(sample.step)} · epoch {formatNumber(sample.epoch)} · loss{' '}
              {formatLoss(sample.loss)}
              {shown?.after === true && ' (no sample before the step you chose: the first one)'}
            </p>
            <SampleText sample={sample} />
          </>
        )}
      </section>
    </div>
  );
});
