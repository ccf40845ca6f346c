// Hand-written backprop through time against central finite differences and tfjs autodiff, for
// every cell, stacked, with and without an embedding, and through dropout.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { randomBatch, type Batch } from './batches.ts';
import { CELL_KINDS, type CellKind } from './cells/index.ts';
import { softmaxCrossEntropy, softmaxCrossEntropyOps } from './loss.ts';
import {
  createCharRnn,
  disposeCharRnn,
  initialValues,
  parameters,
  zeroStates,
  type NetworkShape,
} from './network.ts';
import { lossAndGradients, type DropoutSpec } from './passes.ts';
import { mulberry32 } from './random.ts';
import { batchTensors } from './train.ts';

const rng = mulberry32(11);
const corpus = Int32Array.from({ length: 60 }, () => Math.floor(rng() * 6));
const batch: Batch = randomBatch(corpus, 3, 4, mulberry32(5));

function shapeOf(cell: CellKind, embeddingSize = 0): NetworkShape {
  return { cell, vocabSize: 6, embeddingSize, layers: 2, hiddenSize: 5 };
}

/** Loss and gradients at the given weights, as plain arrays. */
function evaluate(shape: NetworkShape, values: Float32Array[], dropout: DropoutSpec | null) {
  const net = createCharRnn(shape, values);
  const { loss, grads } = tf.tidy(() => {
    const { ids, targets } = batchTensors(batch);
    const out = lossAndGradients(net, ids, targets, batch.seqLen, zeroStates(net, 3), dropout);
    return { loss: out.loss, grads: out.grads };
  });
  const result = {
    loss: loss.dataSync()[0]!,
    grads: grads.map((g) => g.dataSync() as Float32Array),
  };
  tf.dispose([loss, ...grads]);
  disposeCharRnn(net);
  return result;
}

function checkFiniteDifferences(shape: NetworkShape, dropout: DropoutSpec | null = null) {
  const values = initialValues(shape, 3);
  const { grads } = evaluate(shape, values, dropout);
  const eps = 1e-2;
  const pick = mulberry32(9);
  values.forEach((v, p) => {
    for (let k = 0; k < 6; k++) {
      const i = Math.floor(pick() * v.length);
      const plus = values.map((x) => x.slice());
      const minus = values.map((x) => x.slice());
      plus[p]![i]! += eps;
      minus[p]![i]! -= eps;
      const numeric =
        (evaluate(shape, plus, dropout).loss - evaluate(shape, minus, dropout).loss) / (2 * eps);
      expect(Math.abs(numeric - grads[p]![i]!), `param ${p}[${i}]`).toBeLessThan(
        2e-3 + 0.02 * Math.abs(numeric),
      );
    }
  });
}

describe('gradients', () => {
  for (const cell of CELL_KINDS) {
    it(`of a 2-layer ${cell} match central finite differences`, () => {
      checkFiniteDifferences(shapeOf(cell));
    });

    it(`of a 2-layer ${cell} with an embedding agree with tfjs autodiff`, () => {
      const shape = shapeOf(cell, 4);
      const values = initialValues(shape, 4);
      const { grads } = evaluate(shape, values, null);
      const net = createCharRnn(shape, values);
      const vars = parameters(net);
      const auto = tf.tidy(() => {
        const { ids, targets } = batchTensors(batch);
        const f = () => lossAndGradients(net, ids, targets, batch.seqLen, zeroStates(net, 3)).loss;
        const { grads: g } = tf.variableGrads(f, vars);
        return vars.map((v) => g[v.name]!);
      });
      auto.forEach((g, p) => {
        g.dataSync().forEach((x, i) => expect(Math.abs(x - grads[p]![i]!)).toBeLessThan(1e-5));
      });
      tf.dispose(auto);
      disposeCharRnn(net);
    });
  }

  it('pass through dropout masks (fixed by their seed) as finite differences say', () => {
    checkFiniteDifferences(shapeOf('lstm', 3), { rate: 0.3, seed: 5 });
  });

  it('of the softmax cross-entropy are (softmax - onehot) / N', () => {
    const logits = tf.tensor2d([
      [1, 2, 0.5],
      [0, -1, 3],
    ]);
    const targets = tf.tensor1d([1, 2], 'int32');
    const { loss, dLogits } = softmaxCrossEntropy(logits, targets);
    // Autodiff through the op-by-op loss (on cpu softmaxCrossEntropy is one kernel, cpuLoss.ts).
    const expected = tf.grad(
      (l: tf.Tensor) => softmaxCrossEntropyOps(l as tf.Tensor2D, targets).loss,
    )(logits);
    const p0 = Math.exp(2) / (Math.exp(1) + Math.exp(2) + Math.exp(0.5));
    const p1 = Math.exp(3) / (1 + Math.exp(-1) + Math.exp(3));
    expect(loss.dataSync()[0]).toBeCloseTo(-(Math.log(p0) + Math.log(p1)) / 2, 5);
    const d = dLogits.dataSync();
    expected.dataSync().forEach((x, i) => expect(d[i]).toBeCloseTo(x, 6));
    tf.dispose([logits, targets, loss, dLogits, expected]);
  });
});
