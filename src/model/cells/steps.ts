// Per-timestep views of time-major sequences, shared by the cells.
import * as tf from '@tensorflow/tfjs-core';
import { hasOwnMatMul, matMul } from '../matMul.ts';

/** [T*B, D] -> T tensors of [B, D]. */
export function splitSteps(x: tf.Tensor2D, seqLen: number): tf.Tensor2D[] {
  return tf.split(x, seqLen, 0) as tf.Tensor2D[];
}

/**
 * A backend's own row join, where registered (software WebGPU and WebGL; else tf.concat). Its
 * inputs are x0, x1, ... in order; joinParts gives them back as a list.
 */
export const JOIN_ROWS_KERNEL = 'CharRnnJoinRows';

const partName = (i: number) => `x${i}`;

/** The join kernel's inputs, in order. */
export function joinParts<T>(inputs: Record<string, T | undefined>): T[] {
  return Object.keys(inputs).map((_, i) => {
    const part = inputs[partName(i)];
    if (part === undefined) throw new Error(`${JOIN_ROWS_KERNEL}: no input ${partName(i)}`);
    return part;
  });
}

/** T tensors of [B, D] -> [T*B, D]. */
export function joinSteps(steps: tf.Tensor2D[]): tf.Tensor2D {
  if (steps.length < 2 || tf.getKernel(JOIN_ROWS_KERNEL, tf.getBackend()) === undefined) {
    return tf.concat(steps, 0) as tf.Tensor2D;
  }
  const inputs = Object.fromEntries(steps.map((s, i) => [partName(i), s]));
  const rows = steps.map((s) => s.shape[0]);
  return tf.engine().runKernel(JOIN_ROWS_KERNEL, inputs, { rows }) as tf.Tensor2D;
}

/** The join's gradient, for autodiff through it: dy cut back into the parts' rows. */
function registerJoinGradient(): void {
  if (tf.getGradient(JOIN_ROWS_KERNEL) !== undefined) return;
  tf.registerGradient({
    kernelName: JOIN_ROWS_KERNEL,
    gradFunc: (dy, _saved, attrs) => {
      const { rows } = attrs as unknown as { rows: number[] };
      const parts = tf.split(dy as tf.Tensor, rows, 0);
      return Object.fromEntries(parts.map((part, i) => [partName(i), () => part]));
    },
  });
}
registerJoinGradient();

/**
 * Rows per product when a weight gradient sums over a long sequence, on the backends where one
 * product over every row is slow: SwiftShader's WebGL matMul (tfjs's) ran a [512, 4096] x
 * [4096, 2048] weight gradient at 1.9 GFLOP/s and [4096, 512] x [512, 2048] at 4.4; wasm
 * (XNNPACK, Node, one thread) ran the first in 357 ms and as four 1,024-row products in 248 ms
 * (its packed right-hand side no longer fits the cache along a 4,096-long inner dimension). Our
 * WebGL product (software renderers) does better in one piece: 935 ms against 1,025 in chunks.
 */
const SUM_ROWS = 1024;

function chunksWeightGradients(): boolean {
  const backend = tf.getBackend();
  return backend === 'wasm' || (backend === 'webgl' && !hasOwnMatMul());
}

/** sum_t a_t^T b_t over the whole sequence: [T*B, P]^T x [T*B, Q] -> [P, Q]. */
export function sumOuter(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  if (chunksWeightGradients() && a.shape[0] >= 2 * SUM_ROWS) {
    return sumOuterInChunks(a, b, SUM_ROWS);
  }
  return transposedProduct(a, b);
}

/** sumOuter as a sum of products over `rowsPerChunk` rows at a time. */
export function sumOuterInChunks(
  a: tf.Tensor2D, // [N, P]
  b: tf.Tensor2D, // [N, Q]
  rowsPerChunk: number,
): tf.Tensor2D {
  const rows = a.shape[0];
  const sizes: number[] = [];
  for (let r = 0; r < rows; r += rowsPerChunk) sizes.push(Math.min(rowsPerChunk, rows - r));
  const as = tf.split(a, sizes, 0) as tf.Tensor2D[];
  const bs = tf.split(b, sizes, 0) as tf.Tensor2D[];
  return tf.addN(as.map((chunk, i) => transposedProduct(chunk, bs[i]!))) as tf.Tensor2D;
}

/**
 * a^T b. WebGL and our own product (cpu, software WebGPU) read a transposed for free; elsewhere a
 * is transposed first (wasm's transposeA matMul is ~30x slower than its transpose and a plain
 * product).
 */
export function transposedProduct(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  if (tf.getBackend() === 'webgl' || hasOwnMatMul()) return matMul(a, b, true, false);
  return matMul(tf.transpose(a), b);
}

/** 1 - x^2: the derivative of tanh, given its output. */
export function tanhDerivative(y: tf.Tensor2D): tf.Tensor2D {
  return tf.sub(1, tf.square(y)) as tf.Tensor2D;
}

/** s (1 - s): the derivative of the sigmoid, given its output. */
export function sigmoidDerivative(s: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(s, tf.sub(1, s)) as tf.Tensor2D;
}
