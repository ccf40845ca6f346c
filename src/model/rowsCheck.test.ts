// The row lookup check that every backend passes before it trains (src/workers/backends.ts).
import * as tf from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { cpuBackend } from './cpuBackend.ts';
import { replaceCpuKernel } from './replaceCpuKernel.ts';
import { ROWS_GRADIENT_KERNEL } from './rows.ts';
import { checkRowLookups, plainRows, ROWS_CASES } from './rowsCheck.ts';

describe('the row lookup check', () => {
  it('computes its expected values as tf.gather and tf.unsortedSegmentSum do', () => {
    for (const c of ROWS_CASES) {
      const table = Float32Array.from({ length: c.vocab * c.width }, (_, i) => Math.sin(i));
      const d = Float32Array.from({ length: c.ids.length * c.width }, (_, i) => Math.cos(i));
      const [rows, gradient] = tf.tidy(() => {
        const ids = tf.tensor1d(c.ids, 'int32');
        return [
          tf.gather(tf.tensor2d(table, [c.vocab, c.width]), ids).dataSync(),
          tf.unsortedSegmentSum(tf.tensor2d(d, [c.ids.length, c.width]), ids, c.vocab).dataSync(),
        ];
      });
      const plain = plainRows({ ...c, bias: false }, table, new Float32Array(c.width), d);
      plain.rows.forEach((x, i) => expect(Math.abs(x - rows![i]!)).toBeLessThan(1e-6));
      plain.gradient.forEach((x, i) => expect(Math.abs(x - gradient![i]!)).toBeLessThan(1e-5));
    }
  });

  it('passes our cpu lookups, leaving no tensors behind', async () => {
    const before = tf.memory().numTensors;
    expect(await checkRowLookups()).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the lookup whose gradient a wrong kernel gets wrong', async () => {
    // The check's own plain sums, except that they drop the last id's row.
    replaceCpuKernel(ROWS_GRADIENT_KERNEL, ({ inputs, attrs, backend }) => {
      const { dRows, ids } = inputs as { dRows: TensorInfo; ids: TensorInfo };
      const { vocab } = attrs as unknown as { vocab: number };
      const cpu = cpuBackend(backend);
      const width = dRows.shape[1]!;
      const d = cpu.readSync(dRows.dataId) as Float32Array;
      const allButLast = [...(cpu.readSync(ids.dataId) as Int32Array)].slice(0, -1);
      const c = { vocab, width, ids: allButLast, bias: false };
      const { gradient } = plainRows(
        c,
        new Float32Array(vocab * width),
        new Float32Array(width),
        d,
      );
      return cpu.makeTensorInfo([vocab, width], 'float32', Float32Array.from(gradient));
    });
    expect(await checkRowLookups()).toMatch(
      /^the gradient of the row lookup 7 of \[7, 5\] with a bias is off by .* at element 30$/,
    );
  });
});
