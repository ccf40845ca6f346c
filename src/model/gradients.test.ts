// Hand-written backprop through time against finite differences (and against tfjs autodiff).
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { randomBatch } from './batches.ts';
import { softmaxCrossEntropy } from './loss.ts';
import {
  createCharLstm,
  disposeCharLstm,
  initialValues,
  lossAndGradients,
  parameterShapes,
  zeroStates,
  type NetworkShape,
} from './network.ts';
import { mulberry32 } from './random.ts';
import { batchLoss, batchTensors } from './train.ts';

const shape: NetworkShape = { vocabSize: 6, layers: 2, hiddenSize: 5 };
const rng = mulberry32(11);
const corpus = Int32Array.from({ length: 60 }, () => Math.floor(rng() * shape.vocabSize));
const batch = randomBatch(corpus, 3, 4, mulberry32(5));

function lossAt(values: Float32Array[]): number {
  const net = createCharLstm(shape, values);
  const loss = batchLoss(net, batch);
  const value = loss.dataSync()[0]!;
  loss.dispose();
  disposeCharLstm(net);
  return value;
}

function analyticGradients(values: Float32Array[]): Float32Array[] {
  const net = createCharLstm(shape, values);
  const grads = tf.tidy(() => {
    const { ids, targets } = batchTensors(batch);
    return lossAndGradients(net, ids, targets, batch.seqLen, zeroStates(net, 3)).grads;
  });
  const out = grads.map((g) => g.dataSync() as Float32Array);
  tf.dispose(grads);
  disposeCharLstm(net);
  return out;
}

describe('gradients', () => {
  it('match central finite differences for every parameter of a 2-layer LSTM', () => {
    const values = initialValues(shape, 3);
    const grads = analyticGradients(values);
    const eps = 1e-2;
    const pick = mulberry32(9);
    parameterShapes(shape).forEach((_, p) => {
      for (let k = 0; k < 8; k++) {
        const i = Math.floor(pick() * values[p]!.length);
        const plus = values.map((v) => v.slice());
        const minus = values.map((v) => v.slice());
        plus[p]![i]! += eps;
        minus[p]![i]! -= eps;
        const numeric = (lossAt(plus) - lossAt(minus)) / (2 * eps);
        const analytic = grads[p]![i]!;
        expect(Math.abs(numeric - analytic), `param ${p}[${i}]`).toBeLessThan(
          2e-3 + 0.02 * Math.abs(numeric),
        );
      }
    });
  });

  it('agree with tfjs autodiff to float precision', () => {
    const values = initialValues(shape, 4);
    const grads = analyticGradients(values);
    const net = createCharLstm(shape, values);
    const auto = tf.tidy(() => {
      const { ids, targets } = batchTensors(batch);
      const vars = [
        ...net.layers.flatMap((l) => [l.kernel, l.recurrent, l.bias]),
        net.outKernel,
        net.outBias,
      ];
      const { grads: g } = tf.variableGrads(() => batchLossOf(net, ids, targets), vars);
      return vars.map((v) => g[v.name]!);
    });
    auto.forEach((g, p) => {
      const a = g.dataSync();
      a.forEach((x, i) => expect(Math.abs(x - grads[p]![i]!)).toBeLessThan(1e-5));
    });
    tf.dispose(auto);
    disposeCharLstm(net);
  });

  it('of the softmax cross-entropy are (softmax - onehot) / N', () => {
    const logits = tf.tensor2d([
      [1, 2, 0.5],
      [0, -1, 3],
    ]);
    const targets = tf.tensor1d([1, 2], 'int32');
    const { loss, dLogits } = softmaxCrossEntropy(logits, targets);
    const expected = tf.grad((l: tf.Tensor) => softmaxCrossEntropy(l as tf.Tensor2D, targets).loss)(
      logits,
    );
    const p0 = Math.exp(2) / (Math.exp(1) + Math.exp(2) + Math.exp(0.5));
    const p1 = Math.exp(3) / (1 + Math.exp(-1) + Math.exp(3));
    expect(loss.dataSync()[0]).toBeCloseTo(-(Math.log(p0) + Math.log(p1)) / 2, 5);
    const d = dLogits.dataSync();
    expected.dataSync().forEach((x, i) => expect(d[i]).toBeCloseTo(x, 6));
    tf.dispose([logits, targets, loss, dLogits, expected]);
  });
});

function batchLossOf(
  net: ReturnType<typeof createCharLstm>,
  ids: tf.Tensor1D,
  targets: tf.Tensor1D,
): tf.Scalar {
  return lossAndGradients(net, ids, targets, batch.seqLen, zeroStates(net, 3)).loss;
}
