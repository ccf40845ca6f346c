// Softmax cross-entropy and its gradient as one kernel on tfjs's cpu backend. Op by op
// (logSoftmax, one-hot, mul, sum, exp, sub) tfjs's cpu kernels broadcast the row maxima and sums
// through per-element index arithmetic: 32 of a 287 ms 1x128 step in Node, once the products ran
// on our own kernel (cpuMatMul.ts). Here each row is three passes over its V logits.
import * as tf from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { cpuBackend } from './cpuBackend.ts';

export const LOSS_KERNEL = 'CharRnnSoftmaxCrossEntropy';

/** Whether the active backend has the kernel (else loss.ts runs the op-by-op version). */
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

const lossCpu: KernelFunc = ({ inputs, backend }) => {
  const { logits, targets } = inputs as { logits: TensorInfo; targets: TensorInfo };
  const cpu = cpuBackend(backend);
  const [n, vocab] = logits.shape as [number, number];
  const x = cpu.readSync(logits.dataId) as Float32Array;
  const ids = cpu.readSync(targets.dataId) as Int32Array;
  const grad = new Float32Array(n * vocab);
  let total = 0;
  for (let r = 0, o = 0; r < n; r++, o += vocab) {
    let max = -Infinity;
    for (let v = 0; v < vocab; v++) max = Math.max(max, x[o + v]!);
    let sum = 0;
    for (let v = 0; v < vocab; v++) {
      const e = Math.exp(x[o + v]! - max);
      grad[o + v] = e;
      sum += e;
    }
    const target = ids[r]!;
    // -log softmax_target = log(sum) + max - x_target; gradient (softmax - onehot) / N.
    total += Math.log(sum) + max - x[o + target]!;
    for (let v = 0; v < vocab; v++) grad[o + v] = grad[o + v]! / sum / n;
    grad[o + target] = grad[o + target]! - 1 / n;
  }
  return [
    cpu.makeTensorInfo([], 'float32', Float32Array.of(total / n)),
    cpu.makeTensorInfo([n, vocab], 'float32', grad),
  ];
};

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

export function registerCpuLoss(): void {
  tf.registerKernel({ kernelName: LOSS_KERNEL, backendName: 'cpu', kernelFunc: lossCpu });
  registerLossGradient();
}
