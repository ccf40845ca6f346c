// The fused point-wise path of every cell (taken where the backend registers the kernel; here the
// cpu one) gives the loss and gradients of the op-by-op cells, which gradients.test.ts checks
// against finite differences and autodiff.
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import { registerCpuPointwise, unregisterCpuPointwise } from '../pointwise/cpuKernel.ts';
import { hasPointwiseKernel, pointwise, POINTWISE_KERNEL, read } from '../pointwise/spec.ts';
import { checkShape, checkStepValues, compareCheckValues } from '../selfCheck.ts';
import { CELL_KINDS } from './index.ts';
import { sumOuter, sumOuterInChunks } from './steps.ts';

describe('fused cells', () => {
  afterEach(() => {
    if (hasPointwiseKernel()) unregisterCpuPointwise();
  });

  for (const cell of CELL_KINDS) {
    for (const embedding of [false, true]) {
      it(`give the loss and gradients of the op-by-op ${cell} (embedding: ${embedding})`, async () => {
        const shape = checkShape(cell, embedding);
        const plain = await checkStepValues(shape);
        registerCpuPointwise();
        expect(hasPointwiseKernel()).toBe(true);
        let fused: Awaited<ReturnType<typeof checkStepValues>> | null = null;
        const profile = await tf.profile(async () => {
          fused = await checkStepValues(shape);
        });
        expect(profile.kernelNames).toContain(POINTWISE_KERNEL);
        expect(profile.kernelNames).not.toContain('Sigmoid');
        expect(compareCheckValues(plain, fused!, 1e-5)).toBeNull();
      });
    }
  }

  it('leave no tensor behind over repeated steps', async () => {
    registerCpuPointwise();
    await checkStepValues(checkShape('lstm', false));
    const before = tf.memory().numTensors;
    for (const cell of CELL_KINDS) await checkStepValues(checkShape(cell, false));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuse reads outside an input instead of returning garbage', () => {
    registerCpuPointwise();
    const spec = { name: 'outside', inputs: ['x'], blocks: [read(0, 1)] };
    const x = tf.zeros([2, 3]) as tf.Tensor2D;
    expect(() => pointwise(spec, 3, 2, [{ x }])).toThrow(/too small/);
    expect(() => pointwise(spec, 1, 2, [{ x, row: 1 }])).toThrow(/too small/);
    const ok = pointwise(spec, 1, 2, [{ x, col: 1 }]);
    expect(ok.shape).toEqual([2, 1]);
    tf.dispose([x, ok]);
  });
});

describe('sums over the sequence', () => {
  it('give the same weight gradient in chunks of rows as in one product', () => {
    const a = tf.randomUniform([10, 3], -1, 1, 'float32', 1) as tf.Tensor2D;
    const b = tf.randomUniform([10, 4], -1, 1, 'float32', 2) as tf.Tensor2D;
    const whole = sumOuter(a, b).arraySync();
    for (const rows of [1, 3, 4, 10]) {
      const chunked = sumOuterInChunks(a, b, rows).arraySync();
      chunked.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(whole[i]![j]!, 5)));
    }
    tf.dispose([a, b]);
  });
});
