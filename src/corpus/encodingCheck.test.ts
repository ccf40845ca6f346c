import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../model/random.ts';
import { createUtf16Checker, createUtf8Checker, findEncodingError } from './encodingCheck.ts';

const utf8Error = (data: number[]) => findEncodingError(Uint8Array.from(data), createUtf8Checker());

function decodes(encoding: string, data: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** Random bytes biased towards UTF-8 lead and continuation bytes, so most strings are tricky. */
function randomBytes(random: () => number, length: number): Uint8Array {
  const pool = [0x41, 0x0a, 0x80, 0xbf, 0x9f, 0xa0, 0x8f, 0x90, 0xc2, 0xc1, 0xdf, 0xe0, 0xed, 0xef];
  const more = [0xf0, 0xf4, 0xf5, 0xff, 0x00, 0xd8, 0xdc, 0xdb, 0xdf];
  const all = [...pool, ...more];
  return Uint8Array.from({ length }, () => all[Math.floor(random() * all.length)] ?? 0);
}

describe('createUtf8Checker', () => {
  it('accepts what TextEncoder writes', () => {
    const text = 'ASCII, café, 漢字, 😀, \u{10FFFF}\n';
    expect(utf8Error([...new TextEncoder().encode(text)])).toBeNull();
  });

  it('rejects overlong forms, surrogates and code points above U+10FFFF at their lead byte', () => {
    expect(utf8Error([0x41, 0xc0, 0x80])).toMatchObject({ offset: 1, truncated: false });
    expect(utf8Error([0xe0, 0x80, 0x80])).toMatchObject({ offset: 0 });
    expect(utf8Error([0xed, 0xa0, 0x80])).toMatchObject({ offset: 0 });
    expect(utf8Error([0xf4, 0x90, 0x80, 0x80])).toMatchObject({ offset: 0 });
    expect(utf8Error([0x80])).toMatchObject({ offset: 0 });
  });

  it('counts lines up to the error', () => {
    expect(utf8Error([0x0a, 0x0a, 0x41, 0xff])).toEqual({ offset: 3, line: 3, truncated: false });
  });

  it('finds a character split across chunks valid and a cut-off end truncated', () => {
    const checker = createUtf8Checker();
    expect(checker.push(Uint8Array.from([0x41, 0xe6]))).toBeNull();
    expect(checker.push(Uint8Array.from([0xbc, 0xa2, 0xf0, 0x9f]))).toBeNull();
    expect(checker.end()).toEqual({ offset: 4, line: 1, truncated: true });
  });

  it('agrees with TextDecoder on 3,000 random byte strings, and its offset is where decoding stops', () => {
    const random = mulberry32(1);
    for (let n = 0; n < 3_000; n++) {
      const data = randomBytes(random, 1 + Math.floor(random() * 12));
      const error = findEncodingError(data, createUtf8Checker());
      expect(error === null, `bytes ${data.join(',')}`).toBe(decodes('utf-8', data));
      if (error) {
        // Everything before the error decodes; the bytes from it on do not.
        expect(decodes('utf-8', data.subarray(0, error.offset))).toBe(true);
        expect(decodes('utf-8', data.subarray(0, error.offset + 4))).toBe(false);
      }
    }
  });
});

describe('createUtf16Checker', () => {
  it('agrees with TextDecoder on random byte strings in both byte orders', () => {
    const random = mulberry32(2);
    for (const [encoding, littleEndian] of [
      ['utf-16le', true],
      ['utf-16be', false],
    ] as const) {
      for (let n = 0; n < 2_000; n++) {
        const data = randomBytes(random, 1 + Math.floor(random() * 10));
        const error = findEncodingError(data, createUtf16Checker(littleEndian));
        expect(error === null, `bytes ${data.join(',')}`).toBe(decodes(encoding, data));
        if (error) expect(decodes(encoding, data.subarray(0, error.offset))).toBe(true);
      }
    }
  });

  it('reports an odd last byte as a cut-off character', () => {
    const error = findEncodingError(Uint8Array.from([0x41, 0, 0x42]), createUtf16Checker(true));
    expect(error).toEqual({ offset: 2, line: 1, truncated: true });
  });
});
