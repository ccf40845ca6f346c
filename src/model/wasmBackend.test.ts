// The wasm backend runs in Node too: check our training step there against cpu, as the browser's
// self-check does, so a wasm-only kernel bug fails here first.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { CELL_KINDS } from './cells/index.ts';
import { sumOuter } from './cells/steps.ts';
import { sumRows } from './matMul.ts';
import { hasRowsKernel, rows, rowsGradient } from './rows.ts';
import { checkRowLookups } from './rowsCheck.ts';
import { checkShape, checkStepValues, compareCheckValues } from './selfCheck.ts';
import { registerWasmKernels } from './wasmKernels.ts';

registerWasmKernels();

describe('wasm backend', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const cell of CELL_KINDS) {
    it(`gives the loss and gradients of cpu for one ${cell} training step`, async () => {
      for (const embedding of [false, true]) {
        await tf.setBackend('cpu');
        const cpu = await checkStepValues(checkShape(cell, embedding));
        expect(await tf.setBackend('wasm')).toBe(true);
        const wasm = await checkStepValues(checkShape(cell, embedding));
        expect(compareCheckValues(cpu, wasm)).toBeNull();
      }
    });
  }

  it('slices and splits like cpu, contiguous or not, with the fast Slice kernel', async () => {
    const cases = (x: tf.Tensor) => [
      tf.slice(x, [1, 0, 0], [2, 3, 4]), // contiguous rows
      tf.slice(x, [0, 1, 1], [3, 2, 2]), // strided
      ...tf.split(x, 3, 0),
      ...tf.split(x, [1, 3], 2),
    ];
    await tf.setBackend('cpu');
    const values = Array.from({ length: 3 * 3 * 4 }, (_, i) => i);
    const expected = await Promise.all(cases(tf.tensor3d(values, [3, 3, 4])).map((t) => t.array()));
    await tf.setBackend('wasm');
    const actual = await Promise.all(cases(tf.tensor3d(values, [3, 3, 4])).map((t) => t.array()));
    expect(actual).toEqual(expected);
  });

  it('sums segments like cpu (the embedding gradient of large vocabularies)', async () => {
    const run = () =>
      tf.tidy(() =>
        tf.unsortedSegmentSum(
          tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]),
          tf.tensor1d([2, 0, 2, 9], 'int32'),
          3,
        ),
      );
    await tf.setBackend('cpu');
    const expected = await run().array();
    await tf.setBackend('wasm');
    expect(await run().array()).toEqual(expected);
    expect(expected).toEqual([
      [3, 4],
      [0, 0],
      [6, 8],
    ]);
  });

  it('transposes like cpu with the tiled 2-D Transpose, and other ranks with the stock one', async () => {
    const cases = (x: tf.Tensor2D) => [
      tf.transpose(x), // [70, 130] -> [130, 70]: partial tiles on both sides
      tf.transpose(tf.reshape(x, [7, 10, 130]), [2, 0, 1]),
    ];
    const values = Array.from({ length: 70 * 130 }, (_, i) => i);
    await tf.setBackend('cpu');
    const expected = await Promise.all(cases(tf.tensor2d(values, [70, 130])).map((t) => t.array()));
    await tf.setBackend('wasm');
    const actual = await Promise.all(cases(tf.tensor2d(values, [70, 130])).map((t) => t.array()));
    expect(actual).toEqual(expected);
  });

  it('sums the rows of a matrix like cpu in place, keepDims too, and other sums with the stock kernel', async () => {
    const cases = (x: tf.Tensor2D) => [
      tf.sum(x, 0), // [7, 10] -> [10]: three rows past the last group of four
      tf.sum(x, 0, true), // [1, 10]
      tf.sum(x, 1),
      tf.sum(x),
      tf.sum(tf.reshape(x, [7, 2, 5]), 0),
    ];
    const values = Array.from({ length: 7 * 10 }, (_, i) => (i % 13) - 6.5);
    await tf.setBackend('cpu');
    const expected = cases(tf.tensor2d(values, [7, 10]));
    await tf.setBackend('wasm');
    const actual = cases(tf.tensor2d(values, [7, 10]));
    expect(actual.map((t) => t.shape)).toEqual(expected.map((t) => t.shape));
    expect(await Promise.all(actual.map((t) => t.array()))).toEqual(
      await Promise.all(expected.map((t) => t.array())),
    );
  });

  it('computes tanh through sigmoid within 3e-7 of cpu, leaving no tensor behind', async () => {
    const values = [0, 1e-6, -1e-3, 0.5, -2, 9.5, -20, Infinity, -Infinity];
    const extremes = Array.from({ length: 2000 }, (_, i) => (i - 1000) / 100);
    await tf.setBackend('cpu');
    const expected = await tf.tanh(tf.tensor1d([...values, ...extremes])).data();
    await tf.setBackend('wasm');
    const x = tf.tensor1d([...values, ...extremes]);
    const before = tf.backend().numDataIds(); // counts the kernel's intermediates too
    const y = tf.tanh(x);
    expect(tf.backend().numDataIds()).toBe(before + 1);
    const actual = await y.data();
    actual.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(3e-7));
    expect(Number.isNaN((await tf.tanh(tf.scalar(Number.NaN)).data())[0])).toBe(true);
    x.dispose();
    y.dispose();
  });

  it('sums weight and bias gradients over a long sequence (in chunks of rows) like cpu', async () => {
    const run = () =>
      tf.tidy(() => {
        const a = tf.randomUniform([2500, 6], -1, 1, 'float32', 1) as tf.Tensor2D;
        const b = tf.randomUniform([2500, 5], -1, 1, 'float32', 2) as tf.Tensor2D;
        return [sumOuter(a, b), sumRows(b)];
      });
    await tf.setBackend('cpu');
    const expected = await Promise.all(run().map((t) => t.data()));
    await tf.setBackend('wasm');
    const actual = await Promise.all(run().map((t) => t.data()));
    actual.forEach((values, n) =>
      values.forEach((x, i) => expect(x).toBeCloseTo(expected[n]![i]!, 3)),
    );
  });

  it('looks up rows by id and sums their gradient as plain arithmetic does (the row check)', async () => {
    await tf.setBackend('wasm');
    expect(hasRowsKernel()).toBe(true);
    expect(await checkRowLookups()).toBeNull();
  });

  it('names the row kernel and the id when an id is outside the table', async () => {
    await tf.setBackend('wasm');
    const table = tf.zeros([4, 3]) as tf.Tensor2D;
    const ids = tf.tensor1d([1, 4], 'int32');
    const dRows = tf.zeros([2, 3]) as tf.Tensor2D;
    expect(() => rows(table, ids)).toThrow(/CharRnnRows: id 4 outside \[0, 4\)/);
    expect(() => rowsGradient(dRows, ids, 4)).toThrow(/CharRnnRowsGradient: id 4/);
    tf.dispose([table, ids, dRows]);
  });

  it('trains a 400-character vocabulary (an embedding, looked up by row) like cpu', async () => {
    const shape = { ...checkShape('gru', true), vocabSize: 400 };
    await tf.setBackend('cpu');
    const cpu = await checkStepValues(shape);
    await tf.setBackend('wasm');
    expect(compareCheckValues(cpu, await checkStepValues(shape))).toBeNull();
  });

  it('is caught by the self-check when a gradient is wrong', async () => {
    await tf.setBackend('cpu');
    const cpu = await checkStepValues(checkShape('lstm', false));
    const broken = { ...cpu, grads: cpu.grads.map((g) => g.map((x) => x * 1.1)) };
    expect(compareCheckValues(cpu, broken)).toMatch(/gradient 0 differs/);
    expect(compareCheckValues(cpu, { ...cpu, loss: 0 })).toMatch(/loss was 0\.000000/);
  });
});
