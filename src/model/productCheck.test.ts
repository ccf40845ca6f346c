// The product check that every backend passes before it trains (src/workers/backends.ts).
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { cpuBackend } from './cpuBackend.ts';
import { MATMUL_KERNEL, productSizes, type MatMulAttrs } from './matMul.ts';
import { checkProducts, plainProduct, PRODUCT_CASES } from './productCheck.ts';
import { replaceCpuKernel } from './replaceCpuKernel.ts';

describe('the product check', () => {
  it('computes its expected values as tf.matMul does', () => {
    for (const c of PRODUCT_CASES.filter((p) => !p.bias)) {
      const a = Float32Array.from({ length: c.m * c.k }, (_, i) => Math.sin(i));
      const b = Float32Array.from({ length: c.k * c.n }, (_, i) => Math.cos(i));
      const expected = tf.tidy(() =>
        tf
          .matMul(
            tf.tensor2d(a, c.transposeA ? [c.k, c.m] : [c.m, c.k]),
            tf.tensor2d(b, c.transposeB ? [c.n, c.k] : [c.k, c.n]),
            c.transposeA,
            c.transposeB,
          )
          .dataSync(),
      );
      const plain = plainProduct(c, a, b, new Float32Array(c.n));
      plain.forEach((x, i) => expect(Math.abs(x - expected[i]!)).toBeLessThan(1e-5));
    }
  });

  it('passes our cpu product, leaving no tensors behind', async () => {
    const before = tf.memory().numTensors;
    expect(await checkProducts()).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the product a wrong kernel gets wrong', async () => {
    // Exact, except that with a read transposed (and b not) its last element is 0.01 too large.
    replaceCpuKernel(MATMUL_KERNEL, ({ inputs, attrs, backend }) => {
      const { transposeA, transposeB } = attrs as unknown as MatMulAttrs;
      const { a, b, bias } = inputs as {
        a: tf.TensorInfo;
        b: tf.TensorInfo;
        bias?: tf.TensorInfo;
      };
      const cpu = cpuBackend(backend);
      const { m, k, n } = productSizes(a, b, bias, { transposeA, transposeB });
      const c = { m, k, n, transposeA, transposeB, bias: bias !== undefined, joined: 0 };
      const read = (x: tf.TensorInfo) => cpu.readSync(x.dataId) as Float32Array;
      const values = Float32Array.from(
        plainProduct(c, read(a), read(b), bias ? read(bias) : new Float32Array(n)),
      );
      if (transposeA && !transposeB) values[values.length - 1]! += 0.01;
      return cpu.makeTensorInfo([m, n], 'float32', values);
    });
    expect(await checkProducts()).toMatch(
      /^the product \[9, 17\] x \[17, 13\], a transposed is off by 1\.00e-2 at element 116$/,
    );
  });
});
