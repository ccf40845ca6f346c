// The cpu row lookups against tfjs's gather and segment sum, which they replace on cpu.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { hasRowsKernel, rows, rowsGradient } from './rows.ts';

function expectClose(actual: tf.Tensor, expected: tf.Tensor, tolerance = 1e-5) {
  expect(actual.shape).toEqual(expected.shape);
  const [a, e] = [actual.dataSync(), expected.dataSync()];
  e.forEach((x, i) => expect(Math.abs(a[i]! - x), `element ${i}`).toBeLessThan(tolerance));
}

const table = () => tf.randomUniform([7, 5], -1, 1, 'float32', 1) as tf.Tensor2D;
const ids = () => tf.tensor1d([3, 0, 6, 3, 3, 1], 'int32');

describe('the cpu row lookups', () => {
  it('are what the model runs on cpu (registered as the app does, in testSetup.ts)', () => {
    expect(hasRowsKernel()).toBe(true);
  });

  it('give the rows tf.gather gives, with a bias added when asked', () => {
    tf.tidy(() => {
      const [t, i] = [table(), ids()];
      const bias = tf.tensor1d([1, 2, 3, 4, 5]);
      expectClose(rows(t, i), tf.gather(t, i));
      expectClose(rows(t, i, bias), tf.add(tf.gather(t, i), bias));
    });
  });

  it('sum repeated ids into their row as tf.unsortedSegmentSum does', () => {
    tf.tidy(() => {
      const d = tf.randomUniform([6, 5], -1, 1, 'float32', 2) as tf.Tensor2D;
      expectClose(rowsGradient(d, ids(), 7), tf.unsortedSegmentSum(d, ids(), 7));
    });
  });

  it('pass autodiff the gradients of tf.gather plus a bias', () => {
    tf.tidy(() => {
      const [t, i] = [table(), ids()];
      const bias = tf.tensor1d([1, 2, 3, 4, 5]);
      const loss = (y: tf.Tensor) => tf.sum(tf.square(y));
      const ours = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
        loss(rows(a as tf.Tensor2D, i, b as tf.Tensor1D)),
      )([t, bias]);
      const stock = tf.grads((a: tf.Tensor, b: tf.Tensor) => loss(tf.add(tf.gather(a, i), b)))([
        t,
        bias,
      ]);
      ours.forEach((g, k) => expectClose(g, stock[k]!));
    });
  });

  it('refuse an id outside the table, naming it', () => {
    tf.tidy(() => {
      expect(() => rows(table(), tf.tensor1d([2, 7], 'int32'))).toThrow(/id 7 outside \[0, 7\)/);
    });
  });

  it('leave no tensor behind', () => {
    const [t, i] = [table(), ids()];
    const count = tf.memory().numTensors;
    for (let k = 0; k < 3; k++) tf.tidy(() => void rowsGradient(rows(t, i), i, 7));
    expect(tf.memory().numTensors).toBe(count);
    tf.dispose([t, i]);
  });
});
