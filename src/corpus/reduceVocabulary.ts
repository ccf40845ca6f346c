// Shrinks a text's vocabulary: the most frequent characters stay, every other one becomes a single
// "unknown" symbol. Offered for texts with hundreds of distinct characters (validate.ts), where
// each rare symbol costs the model a row of weights and a softmax column yet is hardly ever seen.

import { characterFrequencies } from './stats.ts';

/**
 * U+FFFD REPLACEMENT CHARACTER (shown as �): Unicode's own sign for "a character that could not
 * be represented". It cannot be confused with real text, reads as "unknown" to anyone who has met
 * a mis-decoded page, and is one code point, so the model treats it as one symbol. A symbol like
 * '¿' would collide with Spanish text.
 */
export const UNKNOWN_SYMBOL = '\uFFFD';

export interface VocabularyReduction {
  text: string;
  /** Distinct characters in the result, the unknown symbol included when it was used. */
  vocabSize: number;
  /** Distinct characters replaced by the unknown symbol. */
  replacedDistinct: number;
  /** Occurrences replaced, i.e. characters of the text that changed. */
  replacedCount: number;
}

export interface ReductionPlan {
  /** Characters that stay as they are. */
  keep: ReadonlySet<string>;
  replacedDistinct: number;
  replacedCount: number;
}

/**
 * Which characters stay so that at most `limit` distinct characters remain, the unknown symbol
 * counted: the limit - 1 most frequent (ties by code point, so the result is deterministic). The
 * line break is always kept, even if rare, because line structure is what many corpora are about.
 */
export function planReduction(
  text: string,
  limit: number,
  unknown = UNKNOWN_SYMBOL,
): ReductionPlan {
  if (!Number.isInteger(limit) || limit < 2) {
    throw new RangeError(`limit must be an integer of at least 2, got ${limit}`);
  }
  if ([...unknown].length !== 1) {
    throw new RangeError('the unknown symbol must be exactly one character');
  }
  const frequencies = characterFrequencies(text);
  if (frequencies.length <= limit) {
    return { keep: new Set(frequencies.map((f) => f.char)), replacedDistinct: 0, replacedCount: 0 };
  }
  const keep = new Set<string>();
  if (text.includes('\n')) keep.add('\n');
  // The unknown symbol may already occur in the text; if it is kept it is not an extra symbol.
  for (const { char } of frequencies) {
    const budget = keep.has(unknown) ? limit : limit - 1;
    if (keep.size >= budget) break;
    keep.add(char);
  }
  let replacedDistinct = 0;
  let replacedCount = 0;
  for (const { char, count } of frequencies) {
    if (!keep.has(char)) {
      replacedDistinct += 1;
      replacedCount += count;
    }
  }
  return { keep, replacedDistinct, replacedCount };
}

/** Applies planReduction: one pass, copying runs of kept characters as slices. */
export function reduceVocabulary(
  text: string,
  limit: number,
  unknown = UNKNOWN_SYMBOL,
): VocabularyReduction {
  const plan = planReduction(text, limit, unknown);
  if (plan.replacedDistinct === 0) {
    return { text, vocabSize: plan.keep.size, replacedDistinct: 0, replacedCount: 0 };
  }
  // Flags by code point instead of Set<string> lookups: no string per character on a 50 MB text.
  const keptBmp = new Uint8Array(0x10000);
  const keptAstral = new Set<number>();
  for (const char of plan.keep) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint > 0xffff) keptAstral.add(codePoint);
    else keptBmp[codePoint] = 1;
  }
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i) ?? 0;
    const astral = codePoint > 0xffff;
    if (astral ? !keptAstral.has(codePoint) : keptBmp[codePoint] !== 1) {
      parts.push(text.slice(runStart, i), unknown);
      runStart = astral ? i + 2 : i + 1;
    }
    if (astral) i += 1;
  }
  parts.push(text.slice(runStart));
  return {
    text: parts.join(''),
    vocabSize: plan.keep.has(unknown) ? plan.keep.size : plan.keep.size + 1,
    replacedDistinct: plan.replacedDistinct,
    replacedCount: plan.replacedCount,
  };
}
