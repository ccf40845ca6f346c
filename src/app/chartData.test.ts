import { describe, expect, it } from 'vitest';
import {
  baselineLabel,
  buildChartRows,
  spreadLabels,
  decimateIndices,
  emaSmooth,
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
