// Memorisation made visible: the spans of a sample that appear word for word in the training text.
// Every window of `minLength` ids of the training text is hashed into a set once; a sample is then
// checked window by window. Pure TS on ids, no tfjs.

/** Windows this long or longer are reported; 20 characters rarely repeat by chance in prose. */
export const DEFAULT_MIN_COPY = 20;

export interface CopyIndex {
  minLength: number;
  hashes: Set<number>;
}

const BASE_A = 1_000_003;
const BASE_B = 998_244_353;

/** Two 32-bit polynomial hashes packed into one exact double key (32 + 21 bits). */
function windowHash(ids: ArrayLike<number>, start: number, length: number): number {
  let a = 0;
  let b = 0;
  for (let i = start; i < start + length; i++) {
    const id = (ids[i] ?? 0) + 1;
    a = (Math.imul(a, BASE_A) + id) >>> 0;
    b = (Math.imul(b, BASE_B) + id) >>> 0;
  }
  return a * 2 ** 21 + (b & 0x1fffff);
}

export function buildCopyIndex(
  training: ArrayLike<number>,
  minLength = DEFAULT_MIN_COPY,
): CopyIndex {
  const hashes = new Set<number>();
  for (let i = 0; i + minLength <= training.length; i++)
    hashes.add(windowHash(training, i, minLength));
  return { minLength, hashes };
}

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/** Maximal spans of `sample` (in ids) covered by windows that occur in the training text. */
export function copiedSpans(index: CopyIndex, sample: ArrayLike<number>): Span[] {
  const spans: Span[] = [];
  const { minLength } = index;
  for (let i = 0; i + minLength <= sample.length; i++) {
    if (!index.hashes.has(windowHash(sample, i, minLength))) continue;
    const last = spans.at(-1);
    if (last && i <= last.end) last.end = i + minLength;
    else spans.push({ start: i, end: i + minLength });
  }
  return spans;
}
