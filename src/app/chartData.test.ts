import { describe, expect, it } from 'vitest';
import {
  baselineLabel,
  buildChartRows,
  spreadLabels,
  decimateIndices,
  emaSmooth,
  innerTicks,
  niceAxis,
} from './chartData.ts';

describe('emaSmooth', () => {
  it('is debiased: a constant series stays constant from the first point', () => {
    const out = emaSmooth([3, 3, 3, 3]);
    for (const v of out) expect(v).toBeCloseTo(3);
  });

  it('lags behind a step change', () => {
    const out = emaSmooth([4, 4, 4, 1, 1]);
    expect(out[3]).toBeGreaterThan(1);
    expect(out[3]).toBeLessThan(4);
  });
});

describe('decimateIndices', () => {
  it('keeps every point of a short series', () => {
    expect(decimateIndices([1, 2, 3], 10)).toEqual([0, 1, 2]);
  });

  it('keeps at most maxPoints, the first and last, in order, and the spikes', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i === 5_000 ? 99 : 1 + (i % 7) / 10));
    const picked = decimateIndices(values, 400);
    expect(picked.length).toBeLessThanOrEqual(400);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(9_999);
    expect(picked).toContain(5_000);
    expect([...picked].sort((a, b) => a - b)).toEqual(picked);
  });
});

describe('buildChartRows', () => {
  it('merges validation points into the training rows by step', () => {
    const rows = buildChartRows(
      [
        { step: 1, loss: 4 },
        { step: 2, loss: 3 },
      ],
      [
        { step: 2, loss: 3.5 },
        { step: 3, loss: 3.2 },
      ],
    );
    expect(rows.map((r) => r.step)).toEqual([1, 2, 3]);
    expect(rows[1]).toMatchObject({ raw: 3, val: 3.5 });
    expect(rows[2]).toEqual({ step: 3, val: 3.2 });
  });

  it('draws a long run with a bounded number of rows', () => {
    const train = Array.from({ length: 50_000 }, (_, i) => ({ step: i + 1, loss: 4 / (1 + i) }));
    expect(buildChartRows(train, []).length).toBeLessThanOrEqual(400);
  });
});

describe('baseline labels', () => {
  it('names the order and the loss', () => {
    expect(baselineLabel({ order: 1, loss: 2.4531 })).toBe('order-1 n-gram 2.45');
  });

  it('keeps labels apart, near their lines, inside the plot', () => {
    // Far apart: unchanged.
    expect(spreadLabels([10, 50, 90], 12, 0, 100)).toEqual([10, 50, 90]);
    // Two close lines: the lower label moves down.
    expect(spreadLabels([50, 52], 12, 0, 100)).toEqual([50, 62]);
    // Order is kept as given, whatever the sort inside.
    expect(spreadLabels([52, 50], 12, 0, 100)).toEqual([62, 50]);
    // At the bottom edge: pushed up instead.
    expect(spreadLabels([95, 98, 99], 10, 0, 100)).toEqual([80, 90, 100]);
    // Too many for the space: they stay apart and run past the bottom rather than overlap.
    expect(spreadLabels([0, 0, 0], 10, 0, 15)).toEqual([0, 10, 20]);
  });
});

describe('niceAxis', () => {
  it('covers every value with round ticks at a 1, 2, 2.5 or 5 step', () => {
    const axis = niceAxis([4.2, 3.1, 1.4]);
    expect(axis.domain).toEqual([1, 5]);
    expect(axis.ticks).toEqual([1, 2, 3, 4, 5]);
    expect(niceAxis([3.3, 2.1])).toEqual({
      domain: [2, 3.5],
      ticks: [2, 2.5, 3, 3.5],
      decimals: 1,
    });
    expect(niceAxis([0.5, 100]).ticks).toEqual([0, 25, 50, 75, 100]);
  });

  it('gives enough decimals to tell the ticks apart', () => {
    const axis = niceAxis([2.29, 2.31]);
    expect(axis.ticks).toEqual([2.29, 2.295, 2.3, 2.305, 2.31]);
    expect(axis.decimals).toBe(3);
    expect(new Set(axis.ticks.map((t) => t.toFixed(axis.decimals))).size).toBe(axis.ticks.length);
  });

  it('centres a flat series in a span of its own', () => {
    const axis = niceAxis([4.17, 4.17]);
    expect(axis.domain[0]).toBeLessThan(4.17);
    expect(axis.domain[1]).toBeGreaterThan(4.17);
    expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
  });

  it('ignores non-finite values and falls back to [0, 1] when nothing is left', () => {
    expect(niceAxis([Number.NaN, 2, Number.POSITIVE_INFINITY, 3]).domain).toEqual([2, 3]);
    expect(niceAxis([]).domain).toEqual([0, 1]);
  });

  it('keeps the same axis while the values move within it', () => {
    expect(niceAxis([4.1, 2.2, 1.6])).toEqual(niceAxis([4.15, 2.0, 1.55]));
  });
});

describe('innerTicks', () => {
  it('puts as many round ticks inside the range as fit, whole steps only', () => {
    expect(innerTicks(1, 1554)).toEqual([250, 500, 750, 1000, 1250, 1500]);
    expect(innerTicks(1, 70)).toEqual([20, 40, 60]);
    expect(innerTicks(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(innerTicks(0, 60_000)).toEqual([0, 20_000, 40_000, 60_000]);
    for (const [lo, hi] of [
      [1, 19],
      [7, 123_456],
      [1, 2],
    ] as const) {
      const ticks = innerTicks(lo, hi);
      expect(ticks.length).toBeGreaterThan(0);
      expect(ticks.length).toBeLessThanOrEqual(6);
      for (const t of ticks) {
        expect(Number.isInteger(t)).toBe(true);
        expect(t).toBeGreaterThanOrEqual(lo);
        expect(t).toBeLessThanOrEqual(hi);
      }
    }
  });

  it('handles a single point and an empty range', () => {
    expect(innerTicks(3, 3)).toEqual([3]);
    expect(innerTicks(5, 1)).toEqual([]);
  });
});

describe('axes over degenerate ranges', () => {
  it('treat values equal within float noise as flat instead of looping past 2^53', () => {
    // The five n-gram baselines of a 300-character text: equal to 1e-15.
    const axis = niceAxis([5.703782474656203, 5.703782474656202, 5.703782474656201], 7);
    expect(axis.ticks.length).toBeGreaterThan(1);
    expect(axis.ticks.length).toBeLessThan(12);
    expect(axis.domain[0]).toBeLessThan(5.7037);
    expect(axis.domain[1]).toBeGreaterThan(5.7038);
  });

  it('keep step ticks bounded for huge or tiny spans', () => {
    expect(innerTicks(1e17, 1e17 + 64).length).toBeLessThanOrEqual(6);
    expect(innerTicks(0, Number.MIN_VALUE)).toEqual([0, Number.MIN_VALUE]);
    expect(niceAxis([0, Number.MIN_VALUE]).ticks.length).toBeLessThan(12);
  });
});
