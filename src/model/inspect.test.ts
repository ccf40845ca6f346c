import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from './cells/index.ts';
import { createCharRnn, disposeCharRnn, initialValues, type NetworkShape } from './network.ts';
import { inspect } from './inspect.ts';
import { StatefulSampler } from './sample.ts';

describe('inspecting the network', () => {
  for (const cell of CELL_KINDS) {
    it(`reports every ${cell} gate per position and the sampler's next-character probabilities`, async () => {
      const shape: NetworkShape = {
        cell,
        vocabSize: 6,
        embeddingSize: 0,
        layers: 2,
        hiddenSize: 4,
      };
      const net = createCharRnn(shape, initialValues(shape, 3));
      const ids = [1, 4, 2];
      const before = tf.memory().numTensors;
      const result = await inspect(net, ids);
      expect(tf.memory().numTensors).toBe(before);
      expect(result.gates.at(-1)).toBe('hidden');
      expect(result.activations).toHaveLength(2);
      for (const layer of result.activations) {
        for (const gate of layer) expect(gate).toHaveLength(ids.length * 4);
      }
      // The last row of probabilities is softmax of the sampler's logits after the same snippet.
      const sampler = new StatefulSampler(net);
      let logits: Float32Array = new Float32Array();
      for (const id of ids) logits = await sampler.step(id);
      sampler.dispose();
      const max = Math.max(...logits);
      const exp = Array.from(logits, (z) => Math.exp(z - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      const last = result.probabilities.slice(2 * 6);
      exp.forEach((e, i) => expect(last[i]).toBeCloseTo(e / sum, 5));
      disposeCharRnn(net);
    });
  }
});
