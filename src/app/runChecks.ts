// Why Train (or Step) cannot start now, in words the page shows next to the button: combinations
// that cannot run are prevented with a reason rather than failing inside the worker.
import type { Hyperparameters } from '../workers/protocol.ts';
import { minimumCorpusChars } from '../model/config.ts';
import { FIELD_LABELS, type CheckedHyperparameters } from './hyperparameters.ts';
import { formatInt, formatNumber } from './format.ts';

export type LibraryStatus = 'loading' | 'ready' | 'error';

export interface CorpusLength {
  title: string;
  /** Code points: the manifest's count before loading, the text's own count after. */
  chars: number;
}

/** Null when the corpus holds a training and a validation window at this sequence length. */
export function corpusTooShort(corpus: CorpusLength, hyper: Hyperparameters): string | null {
  const needed = minimumCorpusChars(hyper.seqLen, hyper.valFraction);
  if (corpus.chars >= needed) return null;
  return (
    `"${corpus.title}" has ${formatInt(corpus.chars)} characters, but a sequence length of ` +
    `${formatInt(hyper.seqLen)} with a validation fraction of ${formatNumber(hyper.valFraction)} ` +
    `needs at least ${formatInt(needed)} (a window each for training and validation). Pick a ` +
    'longer corpus, a shorter sequence length or a larger validation fraction.'
  );
}

export function trainBlockedReason(
  library: LibraryStatus,
  checked: CheckedHyperparameters,
  corpus: CorpusLength | undefined,
): string | null {
  if (library === 'loading') return 'Waiting for the corpus library to load.';
  if (library === 'error') return 'Train needs the corpus library (see the message above).';
  const invalid = Object.keys(checked.errors) as (keyof Hyperparameters)[];
  if (invalid.length > 0) {
    const names = invalid.map((key) => FIELD_LABELS[key]).join(', ');
    return `Fix ${invalid.length === 1 ? 'this field' : 'these fields'} to train: ${names}.`;
  }
  if (corpus === undefined) return 'Pick a corpus to train on.';
  return corpusTooShort(corpus, checked.values);
}
