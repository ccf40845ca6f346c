import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { MAX_COMPARE_POINTS, compareRows, runCurves, settingsRows } from './compareRuns.ts';
import { savedRun } from './savedRun.fixture.ts';

describe('compare runs', () => {
  const a = savedRun({ id: 'a', name: 'A' });
  const b = savedRun({
    id: 'b',
    name: 'B',
    hyper: { ...DEFAULT_HYPERPARAMETERS, hiddenSize: 64 },
    step: 99,
  });

  it('marks the settings that differ, not the results', () => {
    const rows = settingsRows([a, b]);
    const differing = rows.filter((r) => r.differs).map((r) => r.label);
    expect(differing).toEqual(['Hidden size']);
    expect(rows.find((r) => r.label === 'Hidden size')?.values).toEqual(['128', '64']);
    expect(rows.find((r) => r.label === 'Steps')).toMatchObject({
      values: ['30', '99'],
      differs: false,
    });
  });

  it('gives each run a colour and thins long curves', () => {
    const long = savedRun({
      id: 'c',
      history: {
        ...a.history,
        trainLoss: Array.from({ length: 5000 }, (_, i) => ({ step: i + 1, loss: 3 - i / 5000 })),
      },
    });
    const curves = runCurves([a, long]);
    expect(curves[0]!.colour).not.toBe(curves[1]!.colour);
    expect(curves[1]!.train.length).toBeLessThanOrEqual(MAX_COMPARE_POINTS);
    expect(curves[1]!.train[0]!.step).toBe(1);
    expect(curves[1]!.train.at(-1)!.step).toBe(5000);
  });

  it('merges the curves into rows by step', () => {
    const rows = compareRows(runCurves([a, b]));
    expect(rows.map((r) => r.step)).toEqual([1, 2]);
    expect(rows[1]).toMatchObject({ step: 2, val0: 2.45, val1: 2.45 });
    expect(rows[0]!.train0).toBeCloseTo(2.5);
  });
});
