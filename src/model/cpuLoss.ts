// Softmax cross-entropy and its gradient as one kernel on tfjs's cpu backend. Op by op
// (logSoftmax, one-hot, mul, sum, exp, sub) tfjs's cpu kernels broadcast the row maxima and sums
// through per-element index arithmetic: 32 of a 287 ms 1x128 step in Node, once the products ran
// on our own kernel (cpuMatMul.ts). Here each row is three passes over its V logits. The kernel's
// name, its call and its autodiff gradient are in loss.ts (software WebGPU has the kernel too).
import * as tf from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { cpuBackend } from './cpuBackend.ts';
import { LOSS_KERNEL } from './loss.ts';

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

export function registerCpuLoss(): void {
  tf.registerKernel({ kernelName: LOSS_KERNEL, backendName: 'cpu', kernelFunc: lossCpu });
}
