import { describe, expect, it } from 'vitest';
import { corpusStats, formatBytes } from './stats';

describe('corpusStats', () => {
  it('counts an emoji and a CJK character as one character each', () => {
    // U+1F600 is two UTF-16 units (length 2) but one code point; 漢 is one unit, three bytes.
    const text = '😀漢';
    expect(text.length).toBe(3);
    expect(corpusStats(text)).toEqual({ bytes: 4 + 3, chars: 2, vocabSize: 2 });
  });

  it('counts distinct code points as the vocabulary', () => {
    expect(corpusStats('abcabc\n').vocabSize).toBe(4);
    expect(corpusStats('😀😀😀').vocabSize).toBe(1);
    expect(corpusStats('')).toEqual({ bytes: 0, chars: 0, vocabSize: 0 });
  });

  it('agrees with [...text].length and TextEncoder on mixed text', () => {
    const text = 'State of the Union — “we’re” 216+648=864 café 😀 漢字 \u{10348}\n';
    const stats = corpusStats(text);
    expect(stats.chars).toBe([...text].length);
    expect(stats.vocabSize).toBe(new Set(text).size);
    expect(stats.bytes).toBe(new TextEncoder().encode(text).length);
  });

  it('counts a lone surrogate as the 3 bytes TextEncoder writes for it', () => {
    const text = 'a\uD800b';
    expect(corpusStats(text).bytes).toBe(new TextEncoder().encode(text).length);
  });
});

describe('formatBytes', () => {
  it('uses decimal units', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(243_456)).toBe('243.5 KB');
    expect(formatBytes(1_002_000)).toBe('1.00 MB');
  });
});
