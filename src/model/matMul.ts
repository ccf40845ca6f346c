// The matrix products every part of the model calls: the backend's own kernel where we register one
// (cpu: cpuMatMul.ts, 3-4x tfjs's stock product; software WebGPU: 3-6x, see
// src/workers/kernels/webgpuMatMul.ts; software WebGL: 2.1-2.7x, webglMatMul.ts there), tf.matMul
// elsewhere. Here, so a cell or a pass never asks which backend it runs on.
import * as tf from '@tensorflow/tfjs-core';

export const MATMUL_KERNEL = 'CharRnnMatMul';

/** The kernel's attributes: as tf.matMul's flags, a and b read transposed. */
export interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
  /** b is a weight, multiplied again and again: a backend may keep it prepared (cpu: packed). */
  weightB: boolean;
}

/**
 * A product kernel's sizes, [m, k] x [k, n], from its operands' shapes and flags; throws where the
 * inner sizes differ or a bias does not have n entries. Every backend's kernel checks the same.
 */
export function productSizes(
  a: { shape: number[] },
  b: { shape: number[] },
  bias: { shape: number[] } | undefined,
  { transposeA, transposeB }: Pick<MatMulAttrs, 'transposeA' | 'transposeB'>,
): { m: number; k: number; n: number } {
  const [aRows, aCols] = a.shape as [number, number];
  const [bRows, bCols] = b.shape as [number, number];
  const [m, k] = transposeA ? [aCols, aRows] : [aRows, aCols];
  const [kB, n] = transposeB ? [bCols, bRows] : [bRows, bCols];
  if (k !== kB) throw new Error(`${MATMUL_KERNEL}: inner sizes ${k} and ${kB} differ`);
  if (bias && bias.shape[0] !== n) {
    throw new Error(`${MATMUL_KERNEL}: a bias of ${bias.shape[0]} for ${n} columns`);
  }
  return { m, k, n };
}

/** Whether the active backend has our product (else tf.matMul runs). */
export function hasOwnMatMul(): boolean {
  return tf.getKernel(MATMUL_KERNEL, tf.getBackend()) !== undefined;
}

function ownProduct(
  inputs: tf.NamedTensorMap,
  transposeA: boolean,
  transposeB: boolean,
  weightB: boolean,
) {
  const attrs: MatMulAttrs = { transposeA, transposeB, weightB };
  return tf
    .engine()
    .runKernel(MATMUL_KERNEL, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor2D;
}

/** a b (a^T and b^T where flagged): [M, K] x [K, N] -> [M, N]. */
export function matMul(
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  transposeA = false,
  transposeB = false,
): tf.Tensor2D {
  if (!hasOwnMatMul()) return tf.matMul(a, b, transposeA, transposeB);
  return ownProduct({ a, b }, transposeA, transposeB, false);
}

/**
 * x W for a weight W multiplied again and again: the recurrent weight at every timestep, every
 * weight at every generated character. Our product keeps W packed between those calls.
 */
export function timesWeight(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  if (!hasOwnMatMul()) return tf.matMul(x, w);
  return ownProduct({ a: x, b: w }, false, false, true);
}

/**
 * x W + bias for a weight W, [N, K] x [K, Q] + [Q]. Our product adds the bias as it writes its
 * output (tfjs's cpu Add broadcasts a row element by element through index arithmetic, 10 ms for
 * [1600, 512]) and keeps W packed, as timesWeight does, for generation's character-by-character calls.
 */
export function affine(x: tf.Tensor2D, w: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  if (!hasOwnMatMul()) return tf.add(tf.matMul(x, w), bias);
  return ownProduct({ a: x, b: w, bias }, false, false, true);
}

/**
 * x -> x b^T, for many x (b a weight). Our product reads b transposed for free and keeps it
 * packed; elsewhere b is transposed once up front: wasm's transposeB matMul is 5x slower.
 */
export function byTransposed(b: tf.Tensor2D): (x: tf.Tensor2D) => tf.Tensor2D {
  if (hasOwnMatMul()) return (x) => ownProduct({ a: x, b }, false, true, true);
  const bT = tf.transpose(b);
  return (x) => tf.matMul(x, bT);
}

/**
 * The sum over rows, [N, Q] -> [Q] (a bias gradient). As the product ones[1, N] x x on our
 * product (cpu: 20 ms against 1 for [1600, 512]; software WebGPU: 3 ms against tf.sum's 511, whose
 * reduction waits on workgroup barriers); wasm sums in place (wasmKernels.ts): its
 * ones-product packed x afresh every call, 23 ms for [4096, 2048] in Node, not threaded.
 */
export function sumRows(x: tf.Tensor2D): tf.Tensor1D {
  if (!hasOwnMatMul()) return tf.sum(x, 0);
  const [rows, cols] = x.shape;
  return tf.reshape(matMul(tf.ones([1, rows]), x), [cols]);
}

/**
 * The gradient of our product, for the tests that check our hand-written backprop against tfjs
 * autodiff through the same forward pass. As tf.matMul's: for y = a b, da = dy b^T and
 * db = a^T dy, the flags moving onto the operands of each; a bias gets dy summed over rows.
 */
function registerMatMulGradient(): void {
  if (tf.getGradient(MATMUL_KERNEL) !== undefined) return;
  tf.registerGradient({
    kernelName: MATMUL_KERNEL,
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved as [tf.Tensor2D, tf.Tensor2D];
      const g = dy as tf.Tensor2D;
      const { transposeA, transposeB } = attrs as unknown as MatMulAttrs;
      const bias = { bias: () => sumRows(g) };
      if (!transposeA && !transposeB) {
        return { a: () => matMul(g, b, false, true), b: () => matMul(a, g, true, false), ...bias };
      }
      if (!transposeA) return { a: () => matMul(g, b), b: () => matMul(g, a, true, false) };
      if (!transposeB) return { a: () => matMul(b, g, false, true), b: () => matMul(a, g) };
      return { a: () => matMul(b, g, true, true), b: () => matMul(g, a, true, true) };
    },
  });
}
registerMatMulGradient();
