// Our cpu product against tfjs's stock one: every transpose flag, sizes that are not multiples of
// the 4x4 block, a bias, the packed-weight cache across a variable's assign, gradients, no leaks.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { packPanels } from './cpuMatMul.ts';
import { affine, byTransposed, hasOwnMatMul, matMul, sumRows, timesWeight } from './matMul.ts';

function expectClose(actual: tf.Tensor, expected: tf.Tensor, tolerance = 1e-4) {
  expect(actual.shape).toEqual(expected.shape);
  const [a, e] = [actual.dataSync(), expected.dataSync()];
  e.forEach((x, i) => expect(Math.abs(a[i]! - x), `element ${i}`).toBeLessThan(tolerance));
}

const FLAGS = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
] as const;

const random = (shape: [number, number], seed: number) =>
  tf.randomUniform(shape, -1, 1, 'float32', seed) as tf.Tensor2D;

describe('our cpu matrix product', () => {
  it('is the one the model uses on cpu (registered as the app does, in testSetup.ts)', () => {
    expect(hasOwnMatMul()).toBe(true);
  });

  for (const [m, k, n] of [
    [1, 1, 1],
    [1, 130, 9], // one row: generation's path
    [3, 5, 7],
    [32, 13, 65],
    [300, 17, 6],
  ] as const) {
    for (const [ta, tb] of FLAGS) {
      it(`gives tf.matMul's [${m}, ${n}] with transposeA ${ta}, transposeB ${tb}`, () => {
        const a = random(ta ? [k, m] : [m, k], m + k);
        const b = random(tb ? [n, k] : [k, n], n + 1);
        tf.tidy(() => expectClose(matMul(a, b, ta, tb), tf.matMul(a, b, ta, tb)));
        tf.dispose([a, b]);
      });
    }
  }

  it('adds a bias to every row as tf.add(tf.matMul(x, w), bias) does', () => {
    for (const rows of [5, 300]) {
      const x = random([rows, 9], 11);
      const w = random([9, 65], 12);
      const bias = tf.randomUniform([65], -1, 1, 'float32', 13) as tf.Tensor1D;
      tf.tidy(() => expectClose(affine(x, w, bias), tf.add(tf.matMul(x, w), bias)));
      tf.dispose([x, w, bias]);
    }
  });

  it('multiplies by a transposed right-hand side and sums rows as tfjs does', () => {
    const x = random([6, 10], 14);
    const b = random([7, 10], 15);
    tf.tidy(() => {
      expectClose(byTransposed(b)(x), tf.matMul(x, b, false, true));
      expectClose(sumRows(x), tf.sum(x, 0));
    });
    tf.dispose([x, b]);
  });

  it('has the gradient of tf.add(tf.matMul) through a bias', () => {
    const [x, w] = [random([5, 3], 16), random([3, 6], 17)];
    const bias = tf.randomUniform([6], -1, 1, 'float32', 18) as tf.Tensor1D;
    const loss = (y: tf.Tensor) => tf.sum(tf.square(y));
    const ours = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
      loss(affine(a as tf.Tensor2D, b as tf.Tensor2D, c as tf.Tensor1D)),
    )([x, w, bias]);
    const stock = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
      loss(tf.add(tf.matMul(a, b), c)),
    )([x, w, bias]);
    ours.forEach((g, i) => expectClose(g, stock[i]!, 1e-3));
    tf.dispose([x, w, bias, ...ours, ...stock]);
  });

  it('packs rows into zero-padded panels of 4, interleaved per column', () => {
    // [[1, 2], [3, 4], [5, 6]] -> panel 0: (1, 3, 5, 0), (2, 4, 6, 0)
    const packed = packPanels(Float32Array.from([1, 2, 3, 4, 5, 6]), 3, 2, 2, 1);
    expect([...packed]).toEqual([1, 3, 5, 0, 2, 4, 6, 0]);
  });

  it('multiplies by a weight anew after the weight is assigned', () => {
    const w = tf.variable(random([8, 12], 1));
    const h = random([4, 8], 2);
    const before = timesWeight(h, w); // packs w and keeps it
    w.assign(random([8, 12], 3));
    const after = timesWeight(h, w);
    tf.tidy(() => {
      expectClose(after, tf.matMul(h, w));
      expect(tf.max(tf.abs(tf.sub(after, before))).dataSync()[0]).toBeGreaterThan(0.01);
    });
    tf.dispose([w, h, before, after]);
  });

  it('has the gradient of tf.matMul for every flag', () => {
    const [m, k, n] = [3, 4, 5];
    for (const [ta, tb] of FLAGS) {
      const a = random(ta ? [k, m] : [m, k], 4);
      const b = random(tb ? [n, k] : [k, n], 5);
      const loss = (product: typeof matMul) => (x: tf.Tensor, y: tf.Tensor) =>
        tf.sum(tf.square(product(x as tf.Tensor2D, y as tf.Tensor2D, ta, tb)));
      const ours = tf.grads(loss(matMul))([a, b]);
      const stock = tf.grads(loss(tf.matMul))([a, b]);
      ours.forEach((g, i) => expectClose(g, stock[i]!, 1e-3));
      tf.dispose([a, b, ...ours, ...stock]);
    }
  });

  it('leaves no tensor behind', () => {
    const a = random([9, 7], 7);
    const b = random([7, 10], 8);
    const count = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) tf.tidy(() => void matMul(a, b));
    expect(tf.memory().numTensors).toBe(count);
    tf.dispose([a, b]);
  });

  it('refuses operands whose inner sizes differ, naming both', () => {
    const a = random([2, 3], 9);
    const b = random([4, 2], 10);
    expect(() => matMul(a, b)).toThrow(/inner sizes 3 and 4/);
    tf.dispose([a, b]);
  });
});
