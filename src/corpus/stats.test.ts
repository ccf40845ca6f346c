import { describe, expect, it } from 'vitest';
import {
  characterFrequencies,
  corpusStats,
  describeChar,
  estimateEpochSeconds,
  formatBytes,
  formatDuration,
  previewText,
  summariseCorpus,
} from './stats.ts';

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

  it('agrees with [...text].length, Set and TextEncoder on mixed text', () => {
    const text = 'State of the Union — “we’re” 216+648=864 café 😀 漢字 \u{10348}\n';
    const stats = corpusStats(text);
    expect(stats.chars).toBe([...text].length);
    expect(stats.vocabSize).toBe(new Set(text).size);
    expect(stats.bytes).toBe(new TextEncoder().encode(text).length);
  });

  it('counts a lone surrogate as one character of the 3 bytes TextEncoder writes for it', () => {
    for (const text of ['a\uD800b', 'a\uDC00', '\uD800']) {
      expect(corpusStats(text).bytes).toBe(new TextEncoder().encode(text).length);
      expect(corpusStats(text).chars).toBe([...text].length);
    }
  });
});

describe('characterFrequencies', () => {
  it('lists every character once, most frequent first, ties by code point', () => {
    expect(characterFrequencies('banana 😀😀')).toEqual([
      { char: 'a', count: 3 },
      { char: 'n', count: 2 },
      { char: '😀', count: 2 },
      { char: ' ', count: 1 },
      { char: 'b', count: 1 },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(characterFrequencies('')).toEqual([]);
  });
});

describe('describeChar', () => {
  it('names invisible characters and shows the others as themselves', () => {
    expect(describeChar(' ')).toBe('space');
    expect(describeChar('\n')).toBe('line break');
    expect(describeChar('\t')).toBe('tab');
    expect(describeChar('\u0007')).toBe('U+0007');
    expect(describeChar('é')).toBe('é');
    expect(describeChar('<')).toBe('<');
  });
});

describe('previewText', () => {
  it('keeps the first code points without splitting an emoji', () => {
    expect(previewText('a😀b', 2)).toBe('a😀');
    expect(previewText('short', 500)).toBe('short');
  });

  it('keeps markup as plain text', () => {
    expect(previewText('<script>alert(1)</script>', 8)).toBe('<script>');
  });
});

describe('summariseCorpus', () => {
  it('gives the panel its figures, top characters and preview in one call', () => {
    const summary = summariseCorpus('hello world\n', 2, 5);
    expect(summary).toMatchObject({ bytes: 12, chars: 12, vocabSize: 9, preview: 'hello' });
    expect(summary.top).toEqual([
      { char: 'l', count: 3 },
      { char: 'o', count: 2 },
    ]);
    expect(summary.previewCut).toBe(true);
    expect(summariseCorpus('hi', 2, 5).previewCut).toBe(false);
  });
});

describe('estimateEpochSeconds', () => {
  const SHAPE = { batchSize: 32, seqLen: 50, valFraction: 0.1 };

  it('times the steps of one epoch over the training split at the measured speed', () => {
    // 100,000 chars -> 90,000 for training -> floor(90,000 / 1,600) = 56 steps of 1,600 chars.
    const seconds = estimateEpochSeconds(100_000, SHAPE, 1_600);
    expect(seconds).toBe(56);
  });

  it('counts at least one step for a tiny corpus', () => {
    expect(estimateEpochSeconds(600, SHAPE, 1_600)).toBe(1);
  });

  it('has no estimate before a speed is known', () => {
    expect(estimateEpochSeconds(1_000, SHAPE, 0)).toBeNull();
    expect(estimateEpochSeconds(1_000, SHAPE, Number.NaN)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('rounds to a readable estimate', () => {
    expect(formatDuration(0.2)).toBe('under a second');
    expect(formatDuration(42.4)).toBe('about 42 s');
    expect(formatDuration(200)).toBe('about 3 min');
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe('about 2 h 5 min');
  });
});

describe('formatBytes', () => {
  it('uses decimal units', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(243_456)).toBe('243.5 KB');
    expect(formatBytes(1_002_000)).toBe('1.00 MB');
  });
});
