// The matrix product every part of the model calls: the backend's own kernel where we register one
// (cpu: cpuMatMul.ts, 3-4x tfjs's stock product), tf.matMul elsewhere. One function, so a cell or
// pass never asks which backend it runs on.
import * as tf from '@tensorflow/tfjs-core';

export const MATMUL_KERNEL = 'CharRnnMatMul';

/** The kernel's attributes: as tf.matMul's flags, a and b read transposed. */
export interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
}

/** Whether the active backend has our product (else tf.matMul runs). */
export function hasOwnMatMul(): boolean {
  return tf.getKernel(MATMUL_KERNEL, tf.getBackend()) !== undefined;
}

/** a b (a^T and b^T where flagged): [M, K] x [K, N] -> [M, N]. */
export function matMul(
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  transposeA = false,
  transposeB = false,
): tf.Tensor2D {
  if (!hasOwnMatMul()) return tf.matMul(a, b, transposeA, transposeB);
  const attrs: MatMulAttrs = { transposeA, transposeB };
  return tf
    .engine()
    .runKernel(MATMUL_KERNEL, { a, b }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor2D;
}

/**
 * Its gradient, for the tests that check our hand-written backprop against tfjs autodiff through
 * the same forward pass. As tf.matMul's: for y = a b, da = dy b^T and db = a^T dy, the flags
 * moving onto the operands of each.
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
      if (!transposeA && !transposeB) {
        return { a: () => matMul(g, b, false, true), b: () => matMul(a, g, true, false) };
      }
      if (!transposeA) return { a: () => matMul(g, b), b: () => matMul(g, a, true, false) };
      if (!transposeB) return { a: () => matMul(b, g, false, true), b: () => matMul(a, g) };
      return { a: () => matMul(b, g, true, true), b: () => matMul(g, a, true, true) };
    },
  });
}
registerMatMulGradient();
