// A backend's matrix product (matMul.ts: ours where registered, else tf.matMul) against plain
// arithmetic, at shapes chosen to reach every edge of our kernels: one row, odd sizes (half-empty
// packed texels on WebGL), blocks that do not fit the output, an inner size with whole unrolled
// steps and a remainder, both transposes and a bias, and an operand joined from timesteps just
// before (as the cells' joinSteps does). The training self-check (selfCheck.ts) goes through the
// products too, but at one small size and an odd batch; this one names the product that fails.
import * as tf from '@tensorflow/tfjs-core';
import { joinSteps } from './cells/steps.ts';
import { affine, matMul } from './matMul.ts';
import { mulberry32 } from './random.ts';

interface ProductCase {
  m: number;
  k: number;
  n: number;
  transposeA: boolean;
  transposeB: boolean;
  bias: boolean;
  /** a is joined from this many parts of equal rows just before the product (0: made whole). */
  joined: number;
}

const product = (
  m: number,
  k: number,
  n: number,
  transposeA = false,
  transposeB = false,
  bias = false,
  joined = 0,
): ProductCase => ({ m, k, n, transposeA, transposeB, bias, joined });

export const PRODUCT_CASES: readonly ProductCase[] = [
  product(1, 20, 12), // one row: generation's products
  product(9, 17, 13, true), // odd everything, read transposed
  product(20, 36, 70, false, false, true), // 18 texels of k: 4 unrolled steps of 4, then 2
  product(12, 10, 6, true, true),
  product(33, 8, 5, false, true),
  product(2, 3, 1, true, false),
  // Joined from 8 timesteps of [2, 7]: where a backend joins rows its own way (software WebGL
  // blits them), the product after it must still read the right values.
  product(16, 7, 9, false, false, true, 8),
];

/** a b (a^T, b^T where flagged) + bias, in plain float64 arithmetic; row-major [m, n]. */
export function plainProduct(c: ProductCase, a: Float32Array, b: Float32Array, bias: Float32Array) {
  const out = new Float64Array(c.m * c.n);
  for (let i = 0; i < c.m; i++) {
    for (let j = 0; j < c.n; j++) {
      let sum = c.bias ? bias[j]! : 0;
      for (let p = 0; p < c.k; p++) {
        const x = c.transposeA ? a[p * c.m + i]! : a[i * c.k + p]!;
        const y = c.transposeB ? b[j * c.k + p]! : b[p * c.n + j]!;
        sum += x * y;
      }
      out[i * c.n + j] = sum;
    }
  }
  return out;
}

function randomValues(count: number, rng: () => number): Float32Array {
  return Float32Array.from({ length: count }, () => rng() * 2 - 1);
}

/** Null when every case matches within `tolerance`, else what differed. */
export async function checkProducts(tolerance = 1e-4): Promise<string | null> {
  const rng = mulberry32(11);
  for (const c of PRODUCT_CASES) {
    const a = randomValues(c.m * c.k, rng);
    const b = randomValues(c.k * c.n, rng);
    const bias = randomValues(c.n, rng);
    const result = tf.tidy(() => {
      const at = c.joined
        ? joinSteps(
            tf.split(tf.tensor2d(a, [c.m, c.k]), c.joined, 0).map((p) => tf.mul<tf.Tensor2D>(p, 1)),
          )
        : tf.tensor2d(a, c.transposeA ? [c.k, c.m] : [c.m, c.k]);
      const bt = tf.tensor2d(b, c.transposeB ? [c.n, c.k] : [c.k, c.n]);
      if (c.bias) return affine(at, bt, tf.tensor1d(bias));
      return matMul(at, bt, c.transposeA, c.transposeB);
    });
    const values = (await result.data()) as Float32Array;
    result.dispose();
    const expected = plainProduct(c, a, b, bias);
    const name = `[${c.m}, ${c.k}] x [${c.k}, ${c.n}]${c.transposeA ? ', a transposed' : ''}${
      c.transposeB ? ', b transposed' : ''
    }${c.bias ? ', with a bias' : ''}${c.joined ? `, a joined from ${c.joined} parts` : ''}`;
    if (values.length !== expected.length) return `the product ${name} has the wrong size`;
    for (let i = 0; i < expected.length; i++) {
      const diff = Math.abs(values[i]! - expected[i]!);
      if (!(diff <= tolerance * Math.max(1, Math.abs(expected[i]!)))) {
        return `the product ${name} is off by ${diff.toExponential(2)} at element ${i}`;
      }
    }
  }
  return null;
}
