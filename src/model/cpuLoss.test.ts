// The cpu loss kernel against the op-by-op softmax cross-entropy it replaces.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { hasLossKernel, softmaxCrossEntropy, softmaxCrossEntropyOps } from './loss.ts';

function expectClose(actual: tf.Tensor, expected: tf.Tensor, tolerance: number) {
  expect(actual.shape).toEqual(expected.shape);
  const [a, e] = [actual.dataSync(), expected.dataSync()];
  e.forEach((x, i) => expect(Math.abs(a[i]! - x), `element ${i}`).toBeLessThan(tolerance));
}

describe('the cpu softmax cross-entropy kernel', () => {
  it('is what the model runs on cpu (registered as the app does, in testSetup.ts)', () => {
    expect(hasLossKernel()).toBe(true);
  });

  it('gives the op-by-op loss and gradient, large logits included', () => {
    for (const scale of [1, 1000]) {
      tf.tidy(() => {
        const logits = tf.randomUniform([37, 65], -scale, scale, 'float32', 3) as tf.Tensor2D;
        const targets = tf.tensor1d(
          Array.from({ length: 37 }, (_, i) => (i * 7) % 65),
          'int32',
        );
        const ours = softmaxCrossEntropy(logits, targets);
        const ops = softmaxCrossEntropyOps(logits, targets);
        expect(Number.isFinite(ours.loss.dataSync()[0])).toBe(true);
        expectClose(ours.loss, ops.loss, 1e-4 * scale);
        expectClose(ours.dLogits, ops.dLogits, 1e-6);
      });
    }
  });

  it('passes its gradient to autodiff as the op-by-op loss does', () => {
    tf.tidy(() => {
      const logits = tf.randomUniform([5, 7], -2, 2, 'float32', 4) as tf.Tensor2D;
      const targets = tf.tensor1d([0, 6, 3, 3, 1], 'int32');
      const f = (loss: typeof softmaxCrossEntropy) => (l: tf.Tensor) =>
        tf.mul(loss(l as tf.Tensor2D, targets).loss, 3); // a scale, so the upstream gradient is not 1
      expectClose(
        tf.grad(f(softmaxCrossEntropy))(logits),
        tf.grad(f(softmaxCrossEntropyOps))(logits),
        1e-6,
      );
    });
  });

  it('leaves no tensor behind', () => {
    const logits = tf.randomUniform([4, 6]) as tf.Tensor2D;
    const targets = tf.tensor1d([1, 2, 3, 4], 'int32');
    const count = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) tf.tidy(() => void softmaxCrossEntropy(logits, targets));
    expect(tf.memory().numTensors).toBe(count);
    tf.dispose([logits, targets]);
  });
});
