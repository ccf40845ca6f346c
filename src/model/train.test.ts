import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { randomBatch, splitTrainVal } from './batches.ts';
import { CELL_KINDS, type CellKind, type CellState } from './cells/index.ts';
import { OPTIMIZER_KINDS, type OptimizerKind } from './kinds.ts';
import { createCharRnn, disposeCharRnn, initialValues, parameters } from './network.ts';
import type { NetworkShape } from './network.ts';
import { createOptimizer } from './optimizers.ts';
import { mulberry32 } from './random.ts';
import { disposeStates, meanLoss, trainStep, type StepOptions } from './train.ts';
import { buildVocab, encode } from './vocab.ts';

const text = 'the quick brown fox jumps over the lazy dog. '.repeat(12);
const vocab = buildVocab(text);
const ids = encode(vocab, text);

interface Setup {
  cell?: CellKind;
  optimizer?: OptimizerKind;
  layers?: number;
  seed?: number;
  embeddingSize?: number;
}

function setup({
  cell = 'lstm',
  optimizer = 'adam',
  layers = 1,
  seed = 1,
  embeddingSize = 0,
}: Setup) {
  const shape: NetworkShape = {
    cell,
    vocabSize: vocab.chars.length,
    embeddingSize,
    layers,
    hiddenSize: 32,
  };
  const net = createCharRnn(shape, initialValues(shape, seed));
  return { net, optimizer: createOptimizer(optimizer, parameters(net)) };
}

const step = (learningRate: number): StepOptions => ({
  learningRate,
  clipNorm: 5,
  dropout: null,
  initial: null,
  keepFinals: false,
});

async function train(steps: number, s: Setup = {}, learningRate = 0.02): Promise<number[]> {
  const { net, optimizer } = setup(s);
  const rng = mulberry32(s.seed ?? 1);
  const losses: number[] = [];
  for (let k = 0; k < steps; k++) {
    const { loss } = trainStep(net, optimizer, randomBatch(ids, 8, 16, rng), step(learningRate));
    losses.push((await loss.data())[0]!);
    loss.dispose();
  }
  optimizer.dispose();
  disposeCharRnn(net);
  return losses;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('training', () => {
  for (const cell of CELL_KINDS) {
    it(`overfits a tiny corpus with a ${cell} below 0.35 nats per character in 200 steps`, async () => {
      const losses = await train(200, { cell });
      expect(losses[0]).toBeGreaterThan(Math.log(vocab.chars.length) - 0.3); // starts near uniform
      expect(mean(losses.slice(-10))).toBeLessThan(0.35);
    });
  }

  const rates: Record<OptimizerKind, number> = { adam: 0.02, rmsprop: 0.005, sgd: 0.5 };
  for (const optimizer of OPTIMIZER_KINDS) {
    it(`halves the loss within 100 steps with ${optimizer}`, async () => {
      const losses = await train(100, { optimizer }, rates[optimizer]);
      expect(mean(losses.slice(-10))).toBeLessThan(losses[0]! / 2);
    });
  }

  it('reproduces the same losses from the same seed, and others from another', async () => {
    const a = await train(5, { seed: 3, layers: 2, embeddingSize: 8 });
    expect(await train(5, { seed: 3, layers: 2, embeddingSize: 8 })).toEqual(a);
    expect(await train(5, { seed: 4, layers: 2, embeddingSize: 8 })).not.toEqual(a);
  });

  it('does not grow the tensor count over 50 steps, with carried state and dropout', async () => {
    const { net, optimizer } = setup({ cell: 'lstm', layers: 2 });
    const rng = mulberry32(2);
    let carried: CellState[] | null = null;
    const once = () => {
      const r = trainStep(net, optimizer, randomBatch(ids, 4, 8, rng), {
        ...step(0.01),
        dropout: { rate: 0.2, seed: 3 },
        initial: carried,
        keepFinals: true,
      });
      disposeStates(carried);
      carried = r.finals;
      r.loss.dispose();
    };
    once(); // the first step may create lazily-initialised state
    const before = tf.memory().numTensors;
    for (let k = 0; k < 50; k++) once();
    await meanLoss(net, [randomBatch(ids, 4, 8, rng)]);
    expect(tf.memory().numTensors).toBe(before);
    disposeStates(carried);
    optimizer.dispose();
    disposeCharRnn(net);
  });

  it('frees everything a network and its optimizer allocated when they are disposed', () => {
    const before = tf.memory().numTensors;
    for (const optimizer of OPTIMIZER_KINDS) {
      const s = setup({ optimizer, layers: 2, embeddingSize: 4 });
      s.optimizer.dispose();
      disposeCharRnn(s.net);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('measures validation loss on held-out text as the mean over its batches', async () => {
    const { net, optimizer } = setup({});
    const { val } = splitTrainVal(ids, 0.1);
    const batches = [randomBatch(val, 2, 8, mulberry32(1)), randomBatch(val, 2, 8, mulberry32(2))];
    const loss = await meanLoss(net, batches);
    expect(loss).toBeGreaterThan(0);
    expect(loss).toBeLessThan(Math.log(vocab.chars.length) + 0.5);
    optimizer.dispose();
    disposeCharRnn(net);
  });
});
