import { describe, expect, it } from 'vitest';
import { decodeBytes, normaliseLineEndings, type DecodeResult } from './decode.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

/** UTF-16 code units of a string in the given byte order, no BOM. */
function utf16(text: string, littleEndian: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [lo, hi] = [unit & 0xff, unit >> 8];
    out.push(...(littleEndian ? [lo, hi] : [hi, lo]));
  }
  return out;
}

function textOf(result: DecodeResult): string {
  if (!result.ok) throw new Error(`expected text, got ${result.problem.message}`);
  return result.text;
}

function problemOf(result: DecodeResult) {
  if (result.ok) throw new Error('expected a problem, got text');
  return result.problem;
}

describe('decodeBytes: plain text', () => {
  it('decodes UTF-8 with emoji and CJK characters', () => {
    const result = decodeBytes(utf8('Hello 😀 床前明月光\n'));
    expect(result).toEqual({
      ok: true,
      text: 'Hello 😀 床前明月光\n',
      encoding: 'utf-8',
      hadBom: false,
      lineEndings: 'lf',
    });
  });

  it('strips a UTF-8 byte order mark and says it was there', () => {
    const result = decodeBytes(bytes([0xef, 0xbb, 0xbf], 'Hi'));
    expect(result).toMatchObject({ ok: true, text: 'Hi', encoding: 'utf-8', hadBom: true });
  });

  it('gives empty text for a file holding only a byte order mark (validation calls it empty)', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf]))).toMatchObject({ ok: true, text: '' });
  });

  it('keeps HTML and script verbatim, as text', () => {
    const html = '<p onclick="alert(1)">Hi</p><script>document.write("x")</script>&amp;';
    expect(textOf(decodeBytes(utf8(html)))).toBe(html);
  });
});

describe('decodeBytes: line endings', () => {
  it('converts Windows CRLF to LF', () => {
    const result = decodeBytes(utf8('one\r\ntwo\r\n'));
    expect(result).toMatchObject({ text: 'one\ntwo\n', lineEndings: 'crlf' });
  });

  it('converts old Mac lone CR to LF', () => {
    expect(decodeBytes(utf8('one\rtwo\r'))).toMatchObject({
      text: 'one\ntwo\n',
      lineEndings: 'cr',
    });
  });

  it('reports mixed line endings and normalises each', () => {
    expect(normaliseLineEndings('a\r\nb\nc\rd')).toEqual({
      text: 'a\nb\nc\nd',
      lineEndings: 'mixed',
    });
    expect(normaliseLineEndings('no breaks').lineEndings).toBe('none');
  });
});

describe('decodeBytes: UTF-16 with a byte order mark', () => {
  const text = 'Grüße, 世界 😀\r\nzwei';

  it('decodes little-endian', () => {
    const result = decodeBytes(bytes([0xff, 0xfe], utf16(text, true)));
    expect(result).toEqual({
      ok: true,
      text: 'Grüße, 世界 😀\nzwei',
      encoding: 'utf-16le',
      hadBom: true,
      lineEndings: 'crlf',
    });
  });

  it('decodes big-endian', () => {
    const result = decodeBytes(bytes([0xfe, 0xff], utf16(text, false)));
    expect(result).toMatchObject({ text: 'Grüße, 世界 😀\nzwei', encoding: 'utf-16be' });
  });

  it('recognises mostly-ASCII UTF-16 without a BOM by its NUL pattern', () => {
    expect(decodeBytes(bytes(utf16('plain old text', true)))).toMatchObject({
      text: 'plain old text',
      encoding: 'utf-16le',
      hadBom: false,
    });
    expect(decodeBytes(bytes(utf16('plain old text', false)))).toMatchObject({
      encoding: 'utf-16be',
    });
  });

  it('says where a lone surrogate is', () => {
    const units = [...utf16('ab\n', true), 0x00, 0xd8, ...utf16('c', true)];
    const problem = problemOf(decodeBytes(bytes([0xff, 0xfe], units)));
    expect(problem).toMatchObject({ kind: 'invalid-encoding', encoding: 'utf-16le', offset: 8 });
    expect(problem.message).toContain('byte 8 (line 2)');
  });

  it('refuses UTF-32, which would otherwise pass for UTF-16 with NUL characters', () => {
    const problem = problemOf(decodeBytes(bytes([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])));
    expect(problem).toMatchObject({ kind: 'binary', format: 'UTF-32 text' });
    expect(problem.message).toMatch(/save it as UTF-8/i);
  });
});

describe('decodeBytes: files that are not text', () => {
  it('calls an empty file empty', () => {
    expect(problemOf(decodeBytes(new Uint8Array(0)))).toEqual({
      kind: 'empty',
      message: 'This file is empty.',
    });
  });

  const signatures: [string, Uint8Array, RegExp][] = [
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ\n'), /PDF document/],
    ['PNG', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), /PNG image/],
    ['ZIP', bytes('PK', [3, 4, 20, 0], 'word/document.xml'), /ZIP archive \(or a Word/],
    ['empty ZIP', bytes('PK', [5, 6], [0, 0, 0, 0]), /ZIP archive/],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), /GIF image/],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), /GIF image/],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), /JPEG image/],
    ['gzip', bytes([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), /gzip-compressed file/],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), /WebP image/],
    ['Word 97', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /97–2003/],
  ];
  it.each(signatures)('names a %s file by its signature', (_name, data, format) => {
    const problem = problemOf(decodeBytes(data));
    expect(problem.kind).toBe('binary');
    expect(problem.message).toMatch(format);
    expect(problem.message).toMatch(/not plain text\. .*try again\.$/);
  });

  it('calls a file with NUL bytes in its first kilobytes binary', () => {
    const data = bytes('\x7fELF', [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 'more bytes');
    const problem = problemOf(decodeBytes(data));
    expect(problem).toMatchObject({ kind: 'binary', format: 'binary file' });
    expect(problem.message).toContain('NUL bytes');
  });

  it('says where invalid UTF-8 is, with the byte offset and the line', () => {
    // "café" in Windows-1252: é is the single byte 0xE9, which UTF-8 cannot start with here.
    const data = bytes('line one\nline two\ncaf', [0xe9], '\n');
    const problem = problemOf(decodeBytes(data));
    expect(problem).toMatchObject({
      kind: 'invalid-encoding',
      encoding: 'utf-8',
      offset: 21,
      line: 3,
    });
    expect(problem.message).toBe(
      'This file is not valid UTF-8 text: byte 21 (line 3) cannot be read. It was probably saved ' +
        'in another encoding, such as Windows-1252 or Latin-1. Open it in a text editor, save it ' +
        'as UTF-8 and try again.',
    );
  });

  it('says when UTF-8 ends in the middle of a character', () => {
    const problem = problemOf(decodeBytes(bytes('ok ', [0xe6, 0xbc])));
    expect(problem).toMatchObject({ kind: 'invalid-encoding', offset: 3 });
    expect(problem.message).toContain('ends in the middle of a character at byte 3');
  });

  it('drops a cut-off last character when the bytes are the first part of a longer file', () => {
    expect(textOf(decodeBytes(bytes('ok ', [0xe6, 0xbc]), { truncated: true }))).toBe('ok ');
  });
});
