import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { randomBatch, splitTrainVal } from './batches.ts';
import { createCharLstm, disposeCharLstm, initialValues, parameters } from './network.ts';
import { Adam } from './optimizer.ts';
import { mulberry32 } from './random.ts';
import { meanLoss, trainStep } from './train.ts';
import { buildVocab, encode } from './vocab.ts';

const text = 'the quick brown fox jumps over the lazy dog. '.repeat(12);
const vocab = buildVocab(text);
const ids = encode(vocab, text);

function setup(seed = 1, layers = 1) {
  const shape = { vocabSize: vocab.chars.length, layers, hiddenSize: 32 };
  const net = createCharLstm(shape, initialValues(shape, seed));
  return { net, optimizer: new Adam(parameters(net)) };
}

async function train(steps: number, seed = 1, layers = 1): Promise<number[]> {
  const { net, optimizer } = setup(seed, layers);
  const rng = mulberry32(seed);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const loss = trainStep(net, optimizer, randomBatch(ids, 8, 16, rng), 0.02, 5);
    losses.push((await loss.data())[0]!);
    loss.dispose();
  }
  optimizer.dispose();
  disposeCharLstm(net);
  return losses;
}

describe('training', () => {
  it('overfits a tiny corpus below 0.3 nats per character within 200 steps', async () => {
    const losses = await train(200);
    expect(losses[0]).toBeGreaterThan(Math.log(vocab.chars.length) - 0.3); // starts near uniform
    const last10 = losses.slice(-10).reduce((a, b) => a + b, 0) / 10;
    expect(last10).toBeLessThan(0.3);
  });

  it('reproduces the same losses from the same seed', async () => {
    expect(await train(5, 3, 2)).toEqual(await train(5, 3, 2));
  });

  it('does not grow the tensor count over 50 steps', async () => {
    const { net, optimizer } = setup();
    const rng = mulberry32(2);
    const step = () => trainStep(net, optimizer, randomBatch(ids, 4, 8, rng), 0.01, 5).dispose();
    step(); // the first step may create lazily-initialised state
    const before = tf.memory().numTensors;
    for (let s = 0; s < 50; s++) step();
    await meanLoss(net, [randomBatch(ids, 4, 8, rng)]);
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
    disposeCharLstm(net);
  });

  it('measures validation loss on held-out text as the mean over its batches', async () => {
    const { net, optimizer } = setup();
    const { val } = splitTrainVal(ids, 0.1);
    const batches = [randomBatch(val, 2, 8, mulberry32(1)), randomBatch(val, 2, 8, mulberry32(2))];
    const loss = await meanLoss(net, batches);
    expect(loss).toBeGreaterThan(0);
    expect(loss).toBeLessThan(Math.log(vocab.chars.length) + 0.5);
    optimizer.dispose();
    disposeCharLstm(net);
  });
});
