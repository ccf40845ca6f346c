import { describe, expect, it } from 'vitest';
import { INITIAL_STATE } from './store.ts';
import {
  copiedSummary,
  countCopied,
  latestSampleText,
  sampleForStep,
  splitCopied,
} from './sampleLookup.ts';

describe('sampleForStep', () => {
  const samples = [{ step: 3 }, { step: 10 }, { step: 40 }];

  it('finds the sample at a step, or the nearest before it', () => {
    expect(sampleForStep(samples, 10)).toEqual({ sample: samples[1], after: false });
    expect(sampleForStep(samples, 39)).toEqual({ sample: samples[1], after: false });
    expect(sampleForStep(samples, 1000)).toEqual({ sample: samples[2], after: false });
  });

  it('falls back to the first sample before any was taken', () => {
    expect(sampleForStep(samples, 1)).toEqual({ sample: samples[0], after: true });
    expect(sampleForStep([], 5)).toBeNull();
  });

  it('prefers the later of two samples at the same step (after a recovery)', () => {
    const repeated = [
      { step: 5, id: 0 },
      { step: 5, id: 1 },
    ];
    expect(sampleForStep(repeated, 6)?.sample.id).toBe(1);
  });
});

describe('splitCopied', () => {
  it('splits a sample into copied and original runs', () => {
    expect(splitCopied('abcdef', [{ start: 1, end: 3 }])).toEqual([
      { text: 'a', copied: false },
      { text: 'bc', copied: true },
      { text: 'def', copied: false },
    ]);
  });

  it('counts code points, so astral characters stay whole', () => {
    expect(splitCopied('𠀀𠀁x', [{ start: 1, end: 2 }])).toEqual([
      { text: '𠀀', copied: false },
      { text: '𠀁', copied: true },
      { text: 'x', copied: false },
    ]);
  });

  it('merges overlapping or touching spans and ignores what is out of range', () => {
    const spans = [
      { start: 4, end: 9 },
      { start: 0, end: 2 },
      { start: 2, end: 3 },
      { start: 5, end: 7 },
    ];
    expect(splitCopied('abcdef', spans)).toEqual([
      { text: 'abc', copied: true },
      { text: 'd', copied: false },
      { text: 'ef', copied: true },
    ]);
    expect(countCopied('abcdef', spans)).toBe(2);
  });

  it('handles no spans and empty text', () => {
    expect(splitCopied('abc', [])).toEqual([{ text: 'abc', copied: false }]);
    expect(splitCopied('', [{ start: 0, end: 3 }])).toEqual([]);
  });
});

it('words the copied count', () => {
  expect(copiedSummary(1)).toBe('1 passage copied word for word');
  expect(copiedSummary(2)).toBe('2 passages copied word for word');
});

it('reads the latest sample as prime plus text', () => {
  const sample = { id: 0, step: 1, epoch: 0, loss: null, temperature: 1, copied: [] };
  const state = {
    ...INITIAL_STATE,
    samples: [
      { ...sample, prime: 'A', text: 'bc' },
      { ...sample, prime: 'X', text: 'yz' },
    ],
  };
  expect(latestSampleText(state)).toBe('Xyz');
  expect(latestSampleText(INITIAL_STATE)).toBe('');
});
