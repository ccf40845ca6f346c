// The character vocabulary: distinct Unicode code points sorted by code point. Working on code
// points (not UTF-16 units) keeps an emoji or a CJK character one symbol, never two surrogate halves.

export interface Vocab {
  /** id -> character (one code point each). */
  readonly chars: readonly string[];
  /** character -> id. */
  readonly index: ReadonlyMap<string, number>;
}

export function vocabFromChars(chars: readonly string[]): Vocab {
  return { chars, index: new Map(chars.map((c, i) => [c, i])) };
}

export function buildVocab(text: string): Vocab {
  const distinct = [...new Set(text)]; // string iteration yields code points
  distinct.sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
  return vocabFromChars(distinct);
}

/** Characters of `text` that the vocabulary lacks, each listed once. */
export function unknownChars(vocab: Vocab, text: string): string[] {
  return [...new Set(text)].filter((c) => !vocab.index.has(c));
}

/** Code points -> ids. Throws on a character outside the vocabulary, naming it. */
export function encode(vocab: Vocab, text: string): Int32Array {
  const chars = [...text];
  const ids = new Int32Array(chars.length);
  chars.forEach((c, i) => {
    const id = vocab.index.get(c);
    if (id === undefined)
      throw new Error(`Character ${JSON.stringify(c)} is not in the vocabulary`);
    ids[i] = id;
  });
  return ids;
}

export function decode(vocab: Vocab, ids: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < ids.length; i++) s += vocab.chars[ids[i] ?? 0] ?? '';
  return s;
}
