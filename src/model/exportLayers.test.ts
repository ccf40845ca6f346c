// The export, through its file format: model.json text and weights bytes, loaded back with stock
// tf.loadLayersModel, must predict what our network predicts.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from './cells/index.ts';
import { exportLayersModel } from './exportLayers.ts';
import { createCharRnn, disposeCharRnn, initialValues, type NetworkShape } from './network.ts';
import { inspect } from './inspect.ts';

/** Loads from the two files as a browser would fetch them: JSON text, then the named weights. */
async function loadFromFiles(modelJson: string, weights: ArrayBuffer): Promise<tfl.LayersModel> {
  const json = JSON.parse(modelJson) as tf.io.ModelJSON;
  const handler: tf.io.IOHandler = {
    load: () =>
      tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        expect(manifest[0]!.paths).toEqual(['./model.weights.bin']);
        return [tf.io.getWeightSpecs(manifest), weights];
      }),
  };
  return tfl.loadLayersModel(handler);
}

describe('LayersModel export', () => {
  for (const cell of CELL_KINDS) {
    for (const embeddingSize of [0, 3]) {
      it(`of a 2-layer ${cell}${embeddingSize ? ' with an embedding' : ''} predicts what our network predicts`, async () => {
        const shape: NetworkShape = { cell, vocabSize: 5, embeddingSize, layers: 2, hiddenSize: 6 };
        const net = createCharRnn(shape, initialValues(shape, 8));
        const vocabulary = ['a', 'b', 'c', 'd', '😀'];
        const files = await exportLayersModel(net, { vocabulary, cell });
        const model = await loadFromFiles(files.modelJson, files.weights);
        expect((model.getUserDefinedMetadata() as { vocabulary: string[] }).vocabulary).toEqual(
          vocabulary,
        );

        const ids = [0, 3, 1, 4, 2];
        const ours = (await inspect(net, ids)).probabilities; // [T * V]
        const input = tf.expandDims(tf.cast(tf.oneHot(tf.tensor1d(ids, 'int32'), 5), 'float32'), 0); // [1, T, V]
        const theirs = model.predict(input) as tf.Tensor;
        const values = await theirs.data();
        values.forEach((p, i) => expect(p).toBeCloseTo(ours[i]!, 5));
        tf.dispose([input, theirs]);
        model.dispose();
        disposeCharRnn(net);
      });
    }
  }
});
