// Softmax cross-entropy on logits, with its gradient written out (no autodiff tape needed): one
// kernel where a backend has ours (cpu: cpuLoss.ts; software WebGPU and WebGL: webgpuLoss.ts and
// webglLoss.ts in src/workers/kernels), op by op elsewhere.
import * as tf from '@tensorflow/tfjs-core';
import { oneHotFloat } from './oneHot.ts';

export const LOSS_KERNEL = 'CharRnnSoftmaxCrossEntropy';

/** Whether the active backend has the kernel (else the op-by-op version runs). */
export function hasLossKernel(): boolean {
  return tf.getKernel(LOSS_KERNEL, tf.getBackend()) !== undefined;
}

/** [loss (scalar, mean nats), dLoss/dLogits [N, V]] for logits [N, V] and int32 targets [N]. */
export function lossKernel(logits: tf.Tensor2D, targets: tf.Tensor1D): [tf.Scalar, tf.Tensor2D] {
  return tf.engine().runKernel(LOSS_KERNEL, { logits, targets }, {}) as unknown as [
    tf.Scalar,
    tf.Tensor2D,
  ];
}

/**
 * The loss's gradient for autodiff (the tests that check our backprop against tfjs's): dLogits
 * times the loss's upstream gradient; the targets are ids and get none.
 */
function registerLossGradient(): void {
  if (tf.getGradient(LOSS_KERNEL) !== undefined) return;
  tf.registerGradient({
    kernelName: LOSS_KERNEL,
    outputsToSave: [false, true],
    gradFunc: (dys, saved) => {
      const dLoss = (dys as tf.Tensor[])[0]!;
      const dLogits = saved[0]!;
      return {
        logits: () => tf.mul(dLoss, dLogits),
        targets: () => tf.zeros([dLogits.shape[0]!]), // float32, as tfjs's own ops give ids
      };
    },
  });
}

registerLossGradient();

/**
 * Mean negative log-likelihood in nats per character, and dLoss/dLogits = (softmax - onehot) / N.
 * Targets are int32 ids used only as one-hot indices (never transposed or cast: see platform notes).
 */
export function softmaxCrossEntropy(
  logits: tf.Tensor2D, // [N, V]
  targets: tf.Tensor1D, // [N] int32
): { loss: tf.Scalar; dLogits: tf.Tensor2D } {
  if (!hasLossKernel()) return softmaxCrossEntropyOps(logits, targets);
  const [loss, dLogits] = lossKernel(logits, targets);
  return { loss, dLogits };
}

/** The same, op by op: the path of every backend without the kernel, and the tests' yardstick. */
export function softmaxCrossEntropyOps(
  logits: tf.Tensor2D, // [N, V]
  targets: tf.Tensor1D, // [N] int32
): { loss: tf.Scalar; dLogits: tf.Tensor2D } {
  const [n, vocab] = logits.shape;
  const logProbs = tf.logSoftmax(logits); // [N, V]
  const oneHot = oneHotFloat(targets, vocab); // [N, V]
  const loss = tf.div(tf.neg(tf.sum(tf.mul(oneHot, logProbs))), n) as tf.Scalar;
  const dLogits = tf.div(tf.sub(tf.exp(logProbs), oneHot), n) as tf.Tensor2D;
  return { loss, dLogits };
}
