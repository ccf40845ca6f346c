// Softmax cross-entropy on logits, with its gradient written out (no autodiff tape needed).
import * as tf from '@tensorflow/tfjs-core';
import { hasLossKernel, lossKernel } from './cpuLoss.ts';
import { oneHotFloat } from './oneHot.ts';

/**
 * Mean negative log-likelihood in nats per character, and dLoss/dLogits = (softmax - onehot) / N.
 * Targets are int32 ids used only as one-hot indices (never transposed or cast: see platform notes).
 */
export function softmaxCrossEntropy(
  logits: tf.Tensor2D, // [N, V]
  targets: tf.Tensor1D, // [N] int32
): { loss: tf.Scalar; dLogits: tf.Tensor2D } {
  if (!hasLossKernel()) return softmaxCrossEntropyOps(logits, targets);
  const [loss, dLogits] = lossKernel(logits, targets); // one kernel on cpu, see cpuLoss.ts
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
