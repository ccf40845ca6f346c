// For tests only: put a wrong kernel in place of one of ours on cpu for one test, to see that a
// check names what it gets wrong. Vitest puts ours back when the test finishes, pass or fail.
import * as tf from '@tensorflow/tfjs-core';
import { onTestFinished } from 'vitest';

export function replaceCpuKernel(kernelName: string, kernelFunc: tf.KernelFunc): void {
  const ours = tf.getKernel(kernelName, 'cpu');
  if (!ours) throw new Error(`no cpu kernel ${kernelName} to replace`);
  tf.unregisterKernel(kernelName, 'cpu');
  tf.registerKernel({ kernelName, backendName: 'cpu', kernelFunc });
  onTestFinished(() => {
    tf.unregisterKernel(kernelName, 'cpu');
    tf.registerKernel(ours);
  });
}
