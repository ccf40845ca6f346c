import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { randomBatch } from './batches.ts';
import { captureCheckpoint, restoreCheckpoint, validateCheckpoint } from './checkpoint.ts';
import { createCharRnn, disposeCharRnn, initialValues, parameters } from './network.ts';
import type { NetworkShape } from './network.ts';
import { createOptimizer } from './optimizers.ts';
import { mulberry32 } from './random.ts';
import { trainStep } from './train.ts';

const shape: NetworkShape = {
  cell: 'gru',
  vocabSize: 6,
  embeddingSize: 3,
  layers: 2,
  hiddenSize: 8,
};
const vocabulary = ['a', 'b', 'c', 'd', 'e', '😀'];
const ids = Int32Array.from({ length: 200 }, (_, i) => (i * 7) % 6);
const options = {
  learningRate: 0.01,
  clipNorm: 5,
  dropout: null,
  initial: null,
  keepFinals: false,
};

async function lossOf(result: { loss: tf.Scalar }): Promise<number> {
  const value = (await result.loss.data())[0]!;
  result.loss.dispose();
  return value;
}

describe('checkpoints', () => {
  it('resume training exactly: same next loss as the run that was saved', async () => {
    const net = createCharRnn(shape, initialValues(shape, 1));
    const optimizer = createOptimizer('adam', parameters(net));
    const rng = mulberry32(4);
    for (let k = 0; k < 5; k++)
      await lossOf(trainStep(net, optimizer, randomBatch(ids, 4, 6, rng), options));
    const saved = validateCheckpoint(
      structuredClone(await captureCheckpoint(net, optimizer, vocabulary, 5)),
    );
    const batch = randomBatch(ids, 4, 6, rng);
    const next = [batch, randomBatch(ids, 4, 6, rng)];
    const original = [];
    for (const b of next) original.push(await lossOf(trainStep(net, optimizer, b, options)));

    const restored = restoreCheckpoint(saved);
    expect(restored.optimizer.step).toBe(5);
    const resumed = [];
    for (const b of next)
      resumed.push(await lossOf(trainStep(restored.net, restored.optimizer, b, options)));
    expect(resumed).toEqual(original);
    for (const n of [net, restored.net]) disposeCharRnn(n);
    optimizer.dispose();
    restored.optimizer.dispose();
  });

  it('refuse hostile or mismatched checkpoints with a reason', async () => {
    const net = createCharRnn(shape, initialValues(shape, 1));
    const optimizer = createOptimizer('rmsprop', parameters(net));
    const good = await captureCheckpoint(net, optimizer, vocabulary, 0);
    const bad = (patch: object) => () => validateCheckpoint({ ...good, ...patch });
    expect(bad({ format: 'other' })).toThrow(/unknown format/);
    expect(bad({ shape: { ...shape, hiddenSize: 1e9 } })).toThrow(/hidden size/);
    expect(bad({ vocabulary: vocabulary.slice(1) })).toThrow(/vocabulary size/);
    expect(bad({ vocabulary: ['a', 'a', 'c', 'd', 'e', 'f'] })).toThrow(/repeated/);
    expect(bad({ params: good.params.slice(1) })).toThrow(/weights do not match/);
    expect(bad({ slots: [new Float32Array(3)] })).toThrow(/optimizer state/);
    expect(() => validateCheckpoint(null)).toThrow(/not a usable checkpoint/);
    expect(validateCheckpoint(good)).toBe(good);
    disposeCharRnn(net);
    optimizer.dispose();
  });
});
