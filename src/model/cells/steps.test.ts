// joinSteps through a backend's own row join (software WebGPU and WebGL register one): the
// join's registered gradient, which autodiff uses, must give what tf.concat's gives. Here the
// kernel is a cpu stand-in built from the cpu backend's own concat, for this file only.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_ROWS_KERNEL, joinParts, joinSteps } from './steps.ts';

beforeAll(() => {
  const concat = tf.getKernel('Concat', 'cpu')!;
  tf.registerKernel({
    kernelName: JOIN_ROWS_KERNEL,
    backendName: 'cpu',
    kernelFunc: ({ inputs, backend }) =>
      // tfjs's Concat takes its inputs as a list.
      concat.kernelFunc({
        inputs: joinParts(inputs) as unknown as tf.NamedTensorInfoMap,
        backend,
        attrs: { axis: 0 },
      }),
  });
});
afterAll(() => tf.unregisterKernel(JOIN_ROWS_KERNEL, 'cpu'));

describe('joinSteps on a backend with its own row join', () => {
  it('joins the parts in order and sends each its rows of the gradient', () => {
    const parts = [
      tf.tensor2d([[1, 2]]),
      tf.tensor2d([
        [3, 4],
        [5, 6],
      ]),
      tf.tensor2d([[7, 8]]),
    ];
    const weights = tf.tensor2d([[1], [-2], [3], [5]]); // [4 rows, 1]: the gradient differs per row
    const loss = (...xs: tf.Tensor[]) => tf.sum(tf.mul(tf.concat(xs, 0), weights));
    const ours = (...xs: tf.Tensor[]) => tf.sum(tf.mul(joinSteps(xs as tf.Tensor2D[]), weights));
    expect(joinSteps(parts).arraySync()).toEqual(tf.concat(parts, 0).arraySync());
    const expected = tf
      .grads(loss)(parts)
      .map((g) => g.arraySync());
    const actual = tf
      .grads(ours)(parts)
      .map((g) => g.arraySync());
    expect(actual).toEqual(expected);
    expect(actual[1]).toEqual([
      [-2, -2],
      [3, 3],
    ]);
  });
});
