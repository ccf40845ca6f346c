// Figures about a corpus: size, characters, vocabulary, the most frequent characters, a preview
// and an epoch-time estimate. Pure: shared by the corpus build script (manifest figures) and the
// page (corpus panel), so both count the same way.
//
// The model tokenises by Unicode code point, so an emoji outside the BMP is one character, not
// two UTF-16 units, and every count here is in code points.

import { stepsPerEpoch } from '../model/batches.ts';

export interface CorpusStats {
  /** UTF-8 size: the size of the file on disk and of the download. */
  bytes: number;
  /** Unicode code points. */
  chars: number;
  /** Distinct code points. */
  vocabSize: number;
}

export interface CharCount {
  /** One code point. */
  char: string;
  count: number;
}

interface Counts extends CorpusStats {
  /** Occurrences of each BMP code point, indexed by code point. */
  bmp: Uint32Array;
  /** Occurrences of code points above U+FFFF. */
  astral: Map<number, number>;
}

/**
 * One pass over UTF-16 units. A typed array for the BMP instead of a Map keeps a 50 MB paste to
 * a fraction of a second. A lone surrogate counts as one character of 3 bytes, which is what
 * TextEncoder writes for it (U+FFFD) and what the model's vocabulary sees (its own code point).
 */
function countCodePoints(text: string): Counts {
  const bmp = new Uint32Array(0x10000);
  const astral = new Map<number, number>();
  let bytes = 0;
  let chars = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    chars += 1;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const codePoint = (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        astral.set(codePoint, (astral.get(codePoint) ?? 0) + 1);
        bytes += 4;
        i += 1;
        continue;
      }
    }
    bmp[unit] = (bmp[unit] ?? 0) + 1;
    bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
  }
  let vocabSize = astral.size;
  for (const count of bmp) if (count > 0) vocabSize += 1;
  return { bytes, chars, vocabSize, bmp, astral };
}

export function corpusStats(text: string): CorpusStats {
  const { bytes, chars, vocabSize } = countCodePoints(text);
  return { bytes, chars, vocabSize };
}

/** Every distinct character with its count, most frequent first, ties by code point. */
export function characterFrequencies(text: string): CharCount[] {
  const { bmp, astral } = countCodePoints(text);
  const out: CharCount[] = [];
  bmp.forEach((count, unit) => {
    if (count > 0) out.push({ char: String.fromCharCode(unit), count });
  });
  for (const [codePoint, count] of astral) {
    out.push({ char: String.fromCodePoint(codePoint), count });
  }
  out.sort((a, b) => b.count - a.count || codePointOf(a.char) - codePointOf(b.char));
  return out;
}

function codePointOf(char: string): number {
  return char.codePointAt(0) ?? 0;
}

const CHAR_NAMES: Record<string, string> = {
  ' ': 'space',
  '\n': 'line break',
  '\t': 'tab',
  '\u00a0': 'no-break space',
  '\ufeff': 'byte order mark',
};

/** A label for the frequency list: invisible characters get a name, the rest are themselves. */
export function describeChar(char: string): string {
  const named = CHAR_NAMES[char];
  if (named !== undefined) return named;
  // Control characters (C0, DEL, C1) and lone surrogates would render as nothing or garbage.
  if (/^[\p{Cc}\p{Cs}]$/u.test(char)) {
    return `U+${codePointOf(char).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return char;
}

/** The first maxChars code points, never splitting a surrogate pair. */
export function previewText(text: string, maxChars = 500): string {
  let end = 0;
  for (let n = 0; n < maxChars && end < text.length; n++) {
    const unit = text.charCodeAt(end);
    end += unit >= 0xd800 && unit <= 0xdbff && end + 1 < text.length ? 2 : 1;
  }
  return text.slice(0, end);
}

export interface CorpusSummary extends CorpusStats {
  /** The most frequent characters, most frequent first. */
  top: CharCount[];
  /** The start of the text. */
  preview: string;
  /** Whether the preview stops before the end of the text. */
  previewCut: boolean;
}

/** What the corpus panel shows, in one call. */
export function summariseCorpus(text: string, topN = 20, previewChars = 500): CorpusSummary {
  const frequencies = characterFrequencies(text);
  const { bytes, chars, vocabSize } = corpusStats(text);
  const preview = previewText(text, previewChars);
  return {
    bytes,
    chars,
    vocabSize,
    top: frequencies.slice(0, topN),
    preview,
    previewCut: preview.length < text.length,
  };
}

/** The hyperparameters an epoch's length depends on. */
export interface EpochShape {
  batchSize: number;
  seqLen: number;
  /** Fraction of the text held out at the end for validation (never trained on). */
  valFraction: number;
}

/**
 * Seconds for one epoch at a measured speed, or null when no speed is known yet. An epoch is what
 * the trainer counts as one: stepsPerEpoch over the training split (the text minus the held-out
 * validation tail), each step training batchSize × seqLen characters. charsPerSecond is the
 * trainer's own figure (trained characters per second), so the two agree.
 */
export function estimateEpochSeconds(
  chars: number,
  shape: EpochShape,
  charsPerSecond: number,
): number | null {
  if (!(charsPerSecond > 0) || !Number.isFinite(charsPerSecond)) return null;
  // The same cut as splitTrainVal in src/model/batches.ts.
  const trainChars = Math.round(chars * (1 - shape.valFraction));
  const steps = stepsPerEpoch(trainChars, shape.batchSize, shape.seqLen);
  return (steps * shape.batchSize * shape.seqLen) / charsPerSecond;
}

/** "about 40 s", "about 3 min", "about 2 h 5 min": an estimate, so rounded. */
export function formatDuration(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** "998.4 KB": decimal units, like `ls -lh --si`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}
