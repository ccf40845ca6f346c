// Bytes of a user's file -> text, or a problem a workshop attendee can act on. Pure (TextDecoder
// and Uint8Array exist in the browser and in Node), so every bad file is covered by unit tests.
//
// Order matters: byte order marks first (UTF-16 text is full of NUL bytes), then known binary
// signatures (so the message can say "PDF" rather than "binary"), then NUL bytes, then a strict
// decode. Text is never interpreted: HTML or script comes back as the characters it contains.

import {
  createUtf16Checker,
  createUtf8Checker,
  findEncodingError,
  type EncodingChecker,
} from './encodingCheck.ts';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How much of the start is inspected for signatures and NUL bytes. */
export const SNIFF_BYTES = 8192;

export type DecodeProblem =
  | { kind: 'empty'; message: string }
  | { kind: 'binary'; format: string; message: string }
  | {
      kind: 'invalid-encoding';
      encoding: Encoding;
      offset: number;
      line: number;
      message: string;
    };

export type LineEndings = 'none' | 'lf' | 'crlf' | 'cr' | 'mixed';

export interface Decoded {
  ok: true;
  /** The text with line endings normalised to LF and any byte order mark removed. */
  text: string;
  encoding: Encoding;
  /** Whether the file began with a byte order mark (removed from the text). */
  hadBom: boolean;
  /** Line endings as found in the file, so the page can say that CRLF was converted. */
  lineEndings: LineEndings;
}

export type DecodeResult = Decoded | { ok: false; problem: DecodeProblem };

export type Sniffed =
  { ok: true; encoding: Encoding; hadBom: boolean } | { ok: false; problem: DecodeProblem };

interface Signature {
  format: string;
  /** Bytes at offset 0; null matches any byte. */
  bytes: readonly (number | null)[];
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

// Files people are likely to drop by mistake. Anything else binary is caught by its NUL bytes.
const SIGNATURES: readonly Signature[] = [
  { format: 'PDF document', bytes: ascii('%PDF-') },
  { format: 'PNG image', bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a] },
  { format: 'GIF image', bytes: ascii('GIF87a') },
  { format: 'GIF image', bytes: ascii('GIF89a') },
  { format: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { format: 'WebP image', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  // .docx, .xlsx, .pptx, .odt and .epub are ZIP archives too: say so, it is the common mistake.
  {
    format: 'ZIP archive (or a Word, Excel, OpenDocument or EPUB file)',
    bytes: ascii('PK\x03\x04'),
  },
  { format: 'ZIP archive', bytes: ascii('PK\x05\x06') },
  { format: 'gzip-compressed file', bytes: [0x1f, 0x8b] },
  // OLE2 compound file: Word 97–2003 .doc, .xls and .ppt.
  { format: 'Word, Excel or PowerPoint 97–2003 file', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  // Would otherwise be read as UTF-16 LE with a BOM followed by NUL characters.
  { format: 'UTF-32 text', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { format: 'UTF-32 text', bytes: [0x00, 0x00, 0xfe, 0xff] },
];

function startsWith(bytes: Uint8Array, pattern: readonly (number | null)[]): boolean {
  if (bytes.length < pattern.length) return false;
  return pattern.every((b, i) => b === null || bytes[i] === b);
}

function binary(format: string): DecodeProblem {
  const advice =
    format === 'UTF-32 text'
      ? 'Save it as UTF-8 in your text editor and try again.'
      : 'Export or save it as plain text (a UTF-8 .txt file) and try again.';
  return { kind: 'binary', format, message: `This file is a ${format}, not plain text. ${advice}` };
}

/**
 * UTF-16 without a byte order mark: mostly ASCII text has a NUL in every other byte and none in
 * the others. Required strongly (a quarter of the units, not one NUL in the wrong half) so that a
 * binary file with a few NUL bytes is still called binary.
 */
function utf16WithoutBom(head: Uint8Array): Encoding | null {
  const units = Math.floor(head.length / 2);
  if (units < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < units * 2; i += 2) {
    if (head[i] === 0) evenNul += 1;
    if (head[i + 1] === 0) oddNul += 1;
  }
  if (evenNul === 0 && oddNul * 4 >= units) return 'utf-16le';
  if (oddNul === 0 && evenNul * 4 >= units) return 'utf-16be';
  return null;
}

/** Decides the encoding from the first SNIFF_BYTES (or fewer) bytes of the file. */
export function sniff(head: Uint8Array): Sniffed {
  if (head.length === 0) {
    return { ok: false, problem: { kind: 'empty', message: 'This file is empty.' } };
  }
  for (const signature of SIGNATURES) {
    if (startsWith(head, signature.bytes)) return { ok: false, problem: binary(signature.format) };
  }
  if (startsWith(head, [0xff, 0xfe])) return { ok: true, encoding: 'utf-16le', hadBom: true };
  if (startsWith(head, [0xfe, 0xff])) return { ok: true, encoding: 'utf-16be', hadBom: true };
  const utf8Bom = startsWith(head, [0xef, 0xbb, 0xbf]);
  const sample = head.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) {
    const utf16 = utf16WithoutBom(sample);
    if (utf16 !== null && !utf8Bom) return { ok: true, encoding: utf16, hadBom: false };
    const problem: DecodeProblem = {
      kind: 'binary',
      format: 'binary file',
      message:
        'This file contains NUL bytes, so it is a binary file (a program, an image or a document ' +
        'format), not plain text. Export or save it as plain text (a UTF-8 .txt file) and try again.',
    };
    return { ok: false, problem };
  }
  return { ok: true, encoding: 'utf-8', hadBom: utf8Bom };
}

export function checkerFor(encoding: Encoding): EncodingChecker {
  return encoding === 'utf-8' ? createUtf8Checker() : createUtf16Checker(encoding === 'utf-16le');
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
};

export function invalidEncoding(
  encoding: Encoding,
  offset: number,
  line: number,
  truncated: boolean,
): DecodeProblem {
  const where = `byte ${offset.toLocaleString('en-US')} (line ${line.toLocaleString('en-US')})`;
  const name = ENCODING_NAMES[encoding];
  const what = truncated
    ? `This file ends in the middle of a character at ${where}, so it is not complete ${name} text.`
    : `This file is not valid ${name} text: ${where} cannot be read.`;
  const advice =
    encoding === 'utf-8'
      ? ' It was probably saved in another encoding, such as Windows-1252 or Latin-1. Open it in a text editor, save it as UTF-8 and try again.'
      : ' Save it as UTF-8 in your text editor and try again.';
  return { kind: 'invalid-encoding', encoding, offset, line, message: what + advice };
}

/** CRLF and lone CR (old Mac files) become LF, so the model never learns a stray "\r". */
export function normaliseLineEndings(text: string): { text: string; lineEndings: LineEndings } {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    if (match[0] === '\r\n') crlf += 1;
    else if (match[0] === '\r') cr += 1;
    else lf += 1;
  }
  const kinds = [crlf, cr, lf].filter((n) => n > 0).length;
  const lineEndings: LineEndings =
    kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
  const normalised = crlf + cr > 0 ? text.replace(/\r\n?/g, '\n') : text;
  return { text: normalised, lineEndings };
}

/** Builds the result from decoded text: strips a BOM the decoder kept, normalises line ends. */
export function finishDecoding(raw: string, encoding: Encoding, hadBom: boolean): Decoded {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const { text, lineEndings } = normaliseLineEndings(withoutBom);
  return { ok: true, text, encoding, hadBom, lineEndings };
}

export interface DecodeOptions {
  /**
   * The bytes are the first part of a longer file (the offer to read only the first 50 MB):
   * a character cut off at the end is dropped instead of being reported.
   */
  truncated?: boolean;
}

/** Decodes a whole file held in memory. For large files see decodeChunks in chunkedRead.ts. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const sniffed = sniff(bytes.subarray(0, SNIFF_BYTES));
  if (!sniffed.ok) return sniffed;
  const { encoding, hadBom } = sniffed;
  // ignoreBOM: false (the default) makes the decoder drop the BOM of its own encoding.
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    return finishDecoding(decoder.decode(bytes), encoding, hadBom);
  } catch {
    const error = findEncodingError(bytes, checkerFor(encoding));
    if (error === null)
      throw new Error(`TextDecoder rejected ${encoding} that the checker accepts`);
    if (error.truncated && options.truncated) {
      return decodeBytes(bytes.subarray(0, error.offset), {});
    }
    return {
      ok: false,
      problem: invalidEncoding(encoding, error.offset, error.line, error.truncated),
    };
  }
}
