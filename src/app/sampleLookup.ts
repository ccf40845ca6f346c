// The samples as the story of a run: which sample goes with a step of the loss chart, and which
// parts of a sample were copied word for word from the training text. Pure, unit-tested.
import type { TextSpan } from '../workers/protocol.ts';
import type { TrainingState } from './store.ts';

interface Stepped {
  step: number;
}

/**
 * The sample taken at `step` or nearest before it (the latest such, if a recovery repeated
 * steps); before the first sample, the first one, flagged `after`. Null when there is none.
 */
export function sampleForStep<T extends Stepped>(
  samples: readonly T[],
  step: number,
): { sample: T; after: boolean } | null {
  let best: T | null = null;
  let first: T | null = null;
  for (const sample of samples) {
    if (first === null || sample.step < first.step) first = sample;
    if (sample.step <= step && (best === null || sample.step >= best.step)) best = sample;
  }
  if (best !== null) return { sample: best, after: false };
  return first === null ? null : { sample: first, after: true };
}

export interface Segment {
  text: string;
  copied: boolean;
}

/**
 * Splits `text` into runs that were copied from the training text and runs that were not. Spans
 * count code points, not UTF-16 units (a Tang poem's characters may be astral), and may arrive
 * unsorted or overlapping; out-of-range parts are ignored.
 */
export function splitCopied(text: string, spans: readonly TextSpan[]): Segment[] {
  const chars = [...text];
  const marked = new Uint8Array(chars.length);
  for (const { start, end } of spans) {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) marked[i] = 1;
  }
  const segments: Segment[] = [];
  let from = 0;
  for (let i = 1; i <= chars.length; i++) {
    if (i === chars.length || marked[i] !== marked[from]) {
      segments.push({ text: chars.slice(from, i).join(''), copied: marked[from] === 1 });
      from = i;
    }
  }
  return segments;
}

/** Number of separate copied passages (touching or overlapping spans count once). */
export function countCopied(text: string, spans: readonly TextSpan[]): number {
  return splitCopied(text, spans).filter((s) => s.copied).length;
}

/** "1 passage copied word for word", "3 passages copied word for word". */
export function copiedSummary(count: number): string {
  return `${count} passage${count === 1 ? '' : 's'} copied word for word`;
}

/**
 * The latest sample as one text (its prime, then what the network wrote): the default text of
 * the probing panels. A store selector: it returns a string, so equal text means no re-render.
 */
export function latestSampleText(state: TrainingState): string {
  const last = state.samples.at(-1);
  return last === undefined ? '' : last.prime + last.text;
}
