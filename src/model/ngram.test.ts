import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.ts';
import { ngramDistribution, ngramLoss, ngramSample, trainNgram } from './ngram.ts';

// "abab" with V = 2 (a = 0, b = 1).
const text = [0, 1, 0, 1];

describe('n-gram models', () => {
  it('score a small text as worked out by hand', () => {
    // Order 1, alpha 1: counts a->b 2, b->a 1; contexts a: 2, b: 1.
    const model = trainNgram(text, 2, 1, 1);
    // P(b|a) = (2+1)/(2+2) = 3/4, P(a|b) = (1+1)/(1+2) = 2/3, P(b|a) again 3/4.
    const expected = -(Math.log(3 / 4) + Math.log(2 / 3) + Math.log(3 / 4)) / 3;
    expect(ngramLoss(model, text)).toBeCloseTo(expected, 12);
    // Order 0 is the smoothed unigram: P(a) = P(b) = (2+1)/(4+2) = 1/2.
    expect(ngramLoss(trainNgram(text, 2, 0, 1), text)).toBeCloseTo(Math.log(2), 12);
  });

  it('give a distribution that sums to 1 and favours what followed the context', () => {
    const model = trainNgram(text, 2, 1, 0.5);
    const probs = ngramDistribution(model, [0]);
    expect(probs[0]! + probs[1]!).toBeCloseTo(1, 12);
    expect(probs[1]!).toBeGreaterThan(probs[0]!);
  });

  it('use string keys past the exact range of doubles, with the same results', () => {
    const big = Array.from({ length: 200 }, (_, i) => (i * 7) % 5000);
    const model = trainNgram(big, 5000, 5, 0.1);
    expect(typeof [...model.joint.keys()][0]).toBe('string');
    expect(ngramLoss(model, big)).toBeLessThan(Math.log(5000));
  });

  it('generate what an order-2 chain of a periodic text must', () => {
    const periodic = Array.from({ length: 300 }, (_, i) => i % 3);
    const model = trainNgram(periodic, 3, 2, 1e-6);
    expect(ngramSample(model, [0, 1], 9, mulberry32(1))).toEqual([2, 0, 1, 2, 0, 1, 2, 0, 1]);
  });
});
