import { describe, expect, it } from 'vitest';
import { applyPreparationOffer, decide, preparePasted } from './prepareCorpus.ts';

const settings = { seqLen: 16, valFraction: 0.1 }; // needs at least 181 characters
const long = (word: string) => `${word} `.repeat(100);

describe('preparePasted', () => {
  it('validates and counts pasted text', () => {
    const prep = preparePasted(long('hello'), settings);
    expect(prep.label).toBe('pasted text');
    expect(prep.summary?.chars).toBe(600);
    expect(decide(prep)).toEqual({ kind: 'add' });
  });

  it('refuses empty, blank and too-short text, without counting it', () => {
    for (const [text, kind] of [
      ['', 'empty'],
      [' \n ', 'whitespace-only'],
      ['short', 'too-short'],
    ]) {
      const prep = preparePasted(text!, settings);
      expect(prep.problems.map((p) => p.kind)).toEqual([kind]);
      expect(prep.summary).toBeNull();
      expect(decide(prep)).toEqual({ kind: 'refuse' });
    }
  });
});

describe('decide', () => {
  it('refuses when nothing was read', () => {
    const prep = {
      label: 'x',
      names: [],
      fileIssues: [],
      text: null,
      problems: [],
      summary: null,
      notes: [],
    };
    expect(decide(prep)).toEqual({ kind: 'refuse' });
  });

  it('asks about an oversize text: truncate, and no "as it is"', () => {
    const prep = preparePasted(long('word'), { ...settings, maxBytes: 300 });
    const decision = decide(prep);
    expect(decision).toMatchObject({ kind: 'offer', asIs: false });
    if (decision.kind !== 'offer') return;
    const cut = applyPreparationOffer(prep, decision.offers[0]!, { ...settings, maxBytes: 300 });
    expect(new TextEncoder().encode(cut.text ?? '').length).toBeLessThanOrEqual(300);
    expect(cut.notes).toEqual(['Only the first 300 B is used.']);
    expect(decide(cut)).toEqual({ kind: 'add' });
  });
});

describe('offers', () => {
  // 400 distinct CJK characters, each a few times: over the soft vocabulary limit of 300.
  const manyChars = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + i))
    .join('')
    .repeat(3);

  it('offers to keep the most frequent characters, or to use the text as it is', () => {
    const prep = preparePasted(manyChars, settings);
    const decision = decide(prep);
    expect(decision).toMatchObject({ kind: 'offer', asIs: true });
    if (decision.kind !== 'offer') return;
    expect(decision.offers[0]?.label).toBe('Keep the 299 most frequent characters');

    const reduced = applyPreparationOffer(prep, decision.offers[0]!, settings);
    expect(reduced.summary?.vocabSize).toBe(300);
    expect(reduced.notes[0]).toMatch(/^Kept the 299 most frequent characters; the other 101/);
    expect(decide(reduced)).toEqual({ kind: 'add' });
  });

  it('keeps HTML as the characters it is', () => {
    const html = `<script>window.__pwned = 1</script>${long('<b>x</b>')}`;
    const prep = preparePasted(html, settings);
    expect(prep.text).toBe(html);
    expect(prep.summary?.preview.startsWith('<script>')).toBe(true);
  });
});
