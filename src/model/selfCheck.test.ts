// The backend self-check's comparison, on cpu: what it reports when an update differs.
import { describe, expect, it } from 'vitest';
import { checkShape, checkStepValues, compareCheckValues } from './selfCheck.ts';

describe('the self-check', () => {
  it('moves every parameter with each optimizer, and agrees with itself', async () => {
    const shape = checkShape('lstm', false);
    const values = await checkStepValues(shape);
    // 3 optimizers x (2 layers x 3 + output kernel and bias).
    expect(values.updates).toHaveLength(3 * values.grads.length);
    for (const moved of values.updates) expect(moved.some((x) => Math.abs(x) > 1e-3)).toBe(true);
    expect(compareCheckValues(values, await checkStepValues(shape))).toBeNull();
  });

  it('names the optimizer and parameter whose update differs', async () => {
    const cpu = await checkStepValues(checkShape('gru', true));
    const perKind = cpu.grads.length;
    // RMSProp's update of parameter 2 off by 2% of its largest change.
    const updates = cpu.updates.map((u, k) => {
      if (k !== perKind + 2) return u;
      const largest = u.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      return u.map((x, i) => (i === 4 ? x + 0.02 * largest : x));
    });
    expect(compareCheckValues(cpu, { ...cpu, updates })).toMatch(
      new RegExp(
        `^update ${perKind + 2} \\(rmsprop, parameter 2\\) differs from cpu by .* at element 4$`,
      ),
    );
  });
});
