import { describe, expect, it } from 'vitest';
import { UNKNOWN_SYMBOL, planReduction, reduceVocabulary } from './reduceVocabulary.ts';
import { corpusStats } from './stats.ts';

describe('reduceVocabulary', () => {
  it('keeps the most frequent characters and replaces the rest with U+FFFD', () => {
    // Frequencies: a 4, b 3, c 2, d 1, e 1. A limit of 3 keeps a and b, plus the unknown symbol.
    const result = reduceVocabulary('aaaabbbccde', 3);
    expect(result).toEqual({
      text: 'aaaabbb����',
      vocabSize: 3,
      replacedDistinct: 3,
      replacedCount: 4,
    });
  });

  it('leaves a text that is within the limit untouched', () => {
    expect(reduceVocabulary('hello', 10)).toEqual({
      text: 'hello',
      vocabSize: 4,
      replacedDistinct: 0,
      replacedCount: 0,
    });
  });

  it('always keeps the line break, even when it is rare', () => {
    const result = reduceVocabulary('aaaa\nbbbbcccc', 3);
    // a, b and c are equally frequent; the line break takes one of the two places, a the other.
    expect(result.text).toBe(`aaaa\n${UNKNOWN_SYMBOL.repeat(8)}`);
  });

  it('breaks frequency ties by code point, so the result never depends on order', () => {
    expect(reduceVocabulary('cba', 2).text).toBe('��a');
    expect(reduceVocabulary('abc', 2).text).toBe('a��');
  });

  it('treats an emoji as one character and replaces it whole', () => {
    const result = reduceVocabulary('xxx😀y', 2);
    expect(result.text).toBe('xxx��');
    expect(corpusStats(result.text).vocabSize).toBe(2);
  });

  it('uses another unknown symbol when asked, and counts one already in the text only once', () => {
    expect(reduceVocabulary('aaabbc', 2, '?').text).toBe('aaa???');
    // '?' is kept as a frequent character, so it takes no extra place: a, ? and b stay.
    expect(reduceVocabulary('aaa??bc', 3, '?')).toMatchObject({ text: 'aaa??b?', vocabSize: 3 });
  });

  it('refuses a limit below 2 or an unknown symbol that is not one character', () => {
    expect(() => planReduction('abc', 1)).toThrow(RangeError);
    expect(() => planReduction('abc', 2, '??')).toThrow(RangeError);
  });

  it('reduces 5,000 distinct characters to exactly the limit', () => {
    let text = '';
    for (let i = 0; i < 5_000; i++) text += String.fromCodePoint(0x4e00 + i).repeat(1 + (i % 7));
    const result = reduceVocabulary(text, 300);
    expect(result.vocabSize).toBe(300);
    expect(corpusStats(result.text)).toMatchObject({
      vocabSize: 300,
      chars: corpusStats(text).chars,
    });
  });
});
