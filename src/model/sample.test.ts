import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  createCharRnn,
  disposeCharRnn,
  initialValues,
  zeroStates,
  type NetworkShape,
} from './network.ts';
import { forward } from './passes.ts';
import { mulberry32 } from './random.ts';
import { CELL_KINDS } from './cells/index.ts';
import { greedyContinuations } from './greedyBatch.ts';
import { pickFromLogits, sampleIds, StatefulSampler } from './sample.ts';

const shape: NetworkShape = {
  cell: 'lstm',
  vocabSize: 9,
  embeddingSize: 0,
  layers: 2,
  hiddenSize: 12,
};

describe('sampling', () => {
  it('picks the argmax at a temperature near 0', () => {
    const rng = mulberry32(1);
    for (let k = 0; k < 20; k++) expect(pickFromLogits([0.1, 2.5, 2.4, -1], 1e-4, rng)).toBe(1);
  });

  it('draws in proportion to softmax(logits / T)', () => {
    const rng = mulberry32(2);
    const logits = [Math.log(1), Math.log(3)];
    const counts = [0, 0];
    for (let k = 0; k < 20000; k++) counts[pickFromLogits(logits, 1, rng)]!++;
    expect(counts[1]! / 20000).toBeCloseTo(0.75, 1);
    const hot = [0, 0]; // T = 2 flattens 1:3 to 1:sqrt(3)
    for (let k = 0; k < 20000; k++) hot[pickFromLogits(logits, 2, rng)]!++;
    expect(hot[1]! / 20000).toBeCloseTo(Math.sqrt(3) / (1 + Math.sqrt(3)), 1);
  });

  it('samples only among the top k when asked', () => {
    const rng = mulberry32(3);
    const logits = [0, 1, 2, 3];
    const seen = new Set<number>();
    for (let k = 0; k < 2000; k++) seen.add(pickFromLogits(logits, 1, rng, 2));
    expect([...seen].sort()).toEqual([2, 3]);
  });

  it('reproduces a sample from a fixed seed', async () => {
    const net = createCharRnn(shape, initialValues(shape, 1));
    const a = await sampleIds(net, [1, 2, 3], 30, 1, mulberry32(5));
    const b = await sampleIds(net, [1, 2, 3], 30, 1, mulberry32(5));
    const c = await sampleIds(net, [1, 2, 3], 30, 1, mulberry32(6));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    disposeCharRnn(net);
  });

  for (const cell of CELL_KINDS) {
    it(`carries the ${cell} state between characters: step-by-step logits equal a full-window forward`, async () => {
      const cellShape: NetworkShape = { ...shape, cell, embeddingSize: 4 };
      const net = createCharRnn(cellShape, initialValues(cellShape, 2));
      const seq = [4, 1, 7, 0, 3];
      const sampler = new StatefulSampler(net);
      let stepped: Float32Array = new Float32Array();
      for (const id of seq) stepped = await sampler.step(id);
      sampler.dispose();
      const full = tf.tidy(() => {
        const ids = tf.tensor1d(seq, 'int32'); // batch 1: time-major = plain order
        const pass = forward(net, ids, seq.length, zeroStates(net, 1), {
          keepCache: false,
          dropout: null,
        });
        return tf.slice(pass.logits, [seq.length - 1, 0], [1, shape.vocabSize]);
      });
      const expected = full.dataSync();
      stepped.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 5));
      full.dispose();
      disposeCharRnn(net);
    });
  }

  it('frees every tensor it makes', async () => {
    const net = createCharRnn(shape, initialValues(shape, 3));
    const before = tf.memory().numTensors;
    await sampleIds(net, [1], 20, 0.5, mulberry32(1));
    expect(tf.memory().numTensors).toBe(before);
    disposeCharRnn(net);
  });
});

describe('batched greedy continuation', () => {
  it('continues every prompt as batch-1 argmax sampling does', async () => {
    const net = createCharRnn(shape, initialValues(shape, 4));
    const prompts = [
      [1, 2, 3],
      [4, 5],
      [6, 7, 8],
      [0, 1],
    ];
    const batched = await greedyContinuations(net, prompts, 5);
    for (const [i, prompt] of prompts.entries()) {
      expect(batched[i]).toEqual(await sampleIds(net, prompt, 5, 0, mulberry32(1)));
    }
    disposeCharRnn(net);
  });
});
