import { describe, expect, it } from 'vitest';
import { buildVocab, decode, encode, unknownChars } from './vocab.ts';

describe('vocabulary', () => {
  it('round-trips text with emoji and CJK characters, one id per code point', () => {
    const text = 'hi 👋🏽 床前明月光 «ok»\n';
    const vocab = buildVocab(text);
    const ids = encode(vocab, text);
    expect(ids.length).toBe([...text].length);
    expect(decode(vocab, ids)).toBe(text);
    expect(vocab.chars).toContain('👋');
    expect(vocab.chars.every((c) => [...c].length === 1)).toBe(true);
  });

  it('sorts characters by Unicode code point', () => {
    const vocab = buildVocab('b😀a\nA');
    expect(vocab.chars).toEqual(['\n', 'A', 'a', 'b', '😀']);
  });

  it('names characters outside the vocabulary instead of encoding them', () => {
    const vocab = buildVocab('abc');
    expect(() => encode(vocab, 'abz')).toThrow(/"z"/);
    expect(unknownChars(vocab, 'zazy')).toEqual(['z', 'y']);
  });
});
