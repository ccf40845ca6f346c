// Size and vocabulary figures for the manifest. Pure. The model tokenises by Unicode code point
// (so an emoji outside the BMP is one character, not two UTF-16 units), and these numbers must
// agree with what the page will count.

export interface CorpusStats {
  /** UTF-8 size, i.e. the size of the file on disk and of the download. */
  bytes: number;
  /** Unicode code points. */
  chars: number;
  /** Distinct code points. */
  vocabSize: number;
}

/** UTF-8 length of one code point. Lone surrogates count 3, as TextEncoder writes U+FFFD. */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

export function corpusStats(text: string): CorpusStats {
  const vocab = new Set<number>();
  let bytes = 0;
  let chars = 0;
  // for..of iterates by code point, pairing surrogates; one pass, no 1 MB array like [...text].
  for (const ch of text) {
    const codePoint = ch.codePointAt(0) ?? 0;
    vocab.add(codePoint);
    bytes += utf8Length(codePoint);
    chars += 1;
  }
  return { bytes, chars, vocabSize: vocab.size };
}

/** "998.4 KB": sizes for the build log, in decimal units like `ls -lh --si`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}
