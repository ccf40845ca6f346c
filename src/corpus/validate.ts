// Decoded text + the current settings -> what stands in the way of training on it. Pure. Each
// problem has a machine-readable kind and a message in full sentences for a workshop attendee;
// where the page can fix it (cut an oversized text, shrink a huge vocabulary) the problem carries
// an offer saying exactly what applying it does, and applyOffer does it.
//
// Rules, and why:
// - Size: at most MAX_CORPUS_BYTES (50 MB of UTF-8). Larger texts take minutes to read and
//   index and would not train an epoch in a workshop; the offer keeps the first 50 MB.
// - Vocabulary: above VOCAB_SOFT_LIMIT (300) distinct characters the page offers to keep the
//   most frequent ones and replace the rest with UNKNOWN_SYMBOL, but does not insist: Chinese
//   text needs thousands of characters and trains fine. Above VOCAB_HARD_LIMIT (10,000) it
//   refuses until reduced: the loss's one-hot targets are [batch × seqLen, vocabulary] floats
//   (64 MB at batch 32, sequence 50), and no language needs more for a character model.

import { minimumCorpusChars } from '../model/config.ts';
import { UNKNOWN_SYMBOL, planReduction, reduceVocabulary } from './reduceVocabulary.ts';
import { corpusStats, formatBytes } from './stats.ts';

export const MAX_CORPUS_BYTES = 50_000_000;
export const VOCAB_SOFT_LIMIT = 300;
export const VOCAB_HARD_LIMIT = 10_000;

/** The settings a corpus is checked against (a subset of the hyperparameters). */
export interface ValidationSettings {
  seqLen: number;
  valFraction: number;
  /** Defaults to MAX_CORPUS_BYTES; tests pass a small one. */
  maxBytes?: number;
}

export interface TruncateOffer {
  kind: 'truncate';
  /** The result's UTF-8 size is at most this. */
  maxBytes: number;
  /** Button text. */
  label: string;
}

export interface ReduceVocabularyOffer {
  kind: 'reduce-vocabulary';
  /** Distinct characters after applying, the unknown symbol included. */
  limit: number;
  unknown: string;
  /** Distinct characters that would become the unknown symbol. */
  replacedDistinct: number;
  /** Characters of the text that would change. */
  replacedCount: number;
  label: string;
}

export type Offer = TruncateOffer | ReduceVocabularyOffer;

export type ValidationProblem =
  | { kind: 'empty'; blocking: true; message: string }
  | { kind: 'whitespace-only'; blocking: true; message: string }
  | { kind: 'too-short'; blocking: true; chars: number; minimumChars: number; message: string }
  | {
      kind: 'too-large';
      blocking: true;
      bytes: number;
      maxBytes: number;
      offer: TruncateOffer;
      message: string;
    }
  | {
      kind: 'too-many-characters';
      /** False between the soft and the hard limit: training may go ahead as the text is. */
      blocking: boolean;
      vocabSize: number;
      offer: ReduceVocabularyOffer;
      message: string;
    };

const count = (n: number): string => n.toLocaleString('en-US');

function tooLarge(bytes: number, maxBytes: number): ValidationProblem {
  return {
    kind: 'too-large',
    blocking: true,
    bytes,
    maxBytes,
    offer: { kind: 'truncate', maxBytes, label: `Use the first ${formatBytes(maxBytes)}` },
    message:
      `This text is ${formatBytes(bytes)}, more than the ${formatBytes(maxBytes)} the playground ` +
      `can train on. You can use its first ${formatBytes(maxBytes)} instead, or pick a smaller file.`,
  };
}

/**
 * Checks a file's size before reading it, so a 2 GB file is never read into memory. The page can
 * then read only the first maxBytes (blobChunks with maxBytes, decodeChunks with truncated: true).
 */
export function checkFileSize(
  bytes: number,
  maxBytes = MAX_CORPUS_BYTES,
): ValidationProblem | null {
  return bytes > maxBytes ? tooLarge(bytes, maxBytes) : null;
}

function tooManyCharacters(text: string, chars: number, vocabSize: number): ValidationProblem {
  const blocking = vocabSize > VOCAB_HARD_LIMIT;
  // Over the hard limit, offer the most the model takes (a big Chinese text stays usable);
  // between the limits, offer the soft limit, which is what makes training faster.
  const limit = blocking ? VOCAB_HARD_LIMIT : VOCAB_SOFT_LIMIT;
  const plan = planReduction(text, limit, UNKNOWN_SYMBOL);
  const share = (plan.replacedCount / Math.max(1, chars)) * 100;
  const shareText = share < 0.1 ? 'under 0.1' : share.toFixed(1);
  const kept = limit - 1;
  const change =
    `keep the ${count(kept)} most frequent characters and replace the other ` +
    `${count(plan.replacedDistinct)} (${shareText}% of the text) with ${UNKNOWN_SYMBOL}`;
  const message = blocking
    ? `This text uses ${count(vocabSize)} different characters, more than the ${count(VOCAB_HARD_LIMIT)} ` +
      `the model can handle. You can ${change}.`
    : `This text uses ${count(vocabSize)} different characters. That is fine for Chinese or Japanese, ` +
      `but every extra character makes training slower, and rare ones are hard to learn. ` +
      `You can ${change}, or train on the text as it is.`;
  return {
    kind: 'too-many-characters',
    blocking,
    vocabSize,
    offer: {
      kind: 'reduce-vocabulary',
      limit,
      unknown: UNKNOWN_SYMBOL,
      replacedDistinct: plan.replacedDistinct,
      replacedCount: plan.replacedCount,
      label: `Keep the ${count(kept)} most frequent characters`,
    },
    message,
  };
}

/**
 * Every problem with the text at these settings, blocking ones first; empty when it can train.
 * An empty or whitespace-only text gets only that problem: the others would add nothing.
 */
export function validateCorpus(text: string, settings: ValidationSettings): ValidationProblem[] {
  if (text.length === 0) {
    return [{ kind: 'empty', blocking: true, message: 'This text is empty.' }];
  }
  // A regex stops at the first visible character; trim() would copy a 50 MB text.
  if (!/\S/u.test(text)) {
    return [
      {
        kind: 'whitespace-only',
        blocking: true,
        message:
          'This text contains only spaces and line breaks, so there is nothing to learn from.',
      },
    ];
  }
  const problems: ValidationProblem[] = [];
  const { bytes, chars, vocabSize } = corpusStats(text);
  const maxBytes = settings.maxBytes ?? MAX_CORPUS_BYTES;
  if (bytes > maxBytes) problems.push(tooLarge(bytes, maxBytes));
  const minimumChars = minimumCorpusChars(settings.seqLen, settings.valFraction);
  if (chars < minimumChars) {
    problems.push({
      kind: 'too-short',
      blocking: true,
      chars,
      minimumChars,
      message:
        `This text has ${count(chars)} characters, but at sequence length ${settings.seqLen} it ` +
        `needs at least ${count(minimumChars)}, so that training and validation each get a full ` +
        `window. Add more text, or lower the sequence length.`,
    });
  }
  if (vocabSize > VOCAB_SOFT_LIMIT) problems.push(tooManyCharacters(text, chars, vocabSize));
  return problems.sort((a, b) => Number(b.blocking) - Number(a.blocking));
}

/** Whether training can start: no problem blocks it. */
export function canTrain(problems: readonly ValidationProblem[]): boolean {
  return problems.every((problem) => !problem.blocking);
}

/**
 * The first maxBytes of UTF-8, ending at the last line break that fits so no line is cut in
 * half; at a character boundary when the part that fits has no line break at all.
 */
export function truncateToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  let lastBreak = -1;
  while (end < text.length) {
    const codePoint = text.codePointAt(end) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint <= 0xffff ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += width;
    if (codePoint === 0x0a) lastBreak = end;
  }
  if (end === text.length) return text;
  return text.slice(0, lastBreak > 0 ? lastBreak : end);
}

/** Does what the offer says. Validate the result again: it may still be too short, say. */
export function applyOffer(text: string, offer: Offer): string {
  if (offer.kind === 'truncate') return truncateToBytes(text, offer.maxBytes);
  return reduceVocabulary(text, offer.limit, offer.unknown).text;
}
