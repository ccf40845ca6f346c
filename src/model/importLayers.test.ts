import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from './cells/index.ts';
import { exportLayersModel } from './exportLayers.ts';
import { importLayersModel } from './importLayers.ts';
import { createCharRnn, disposeCharRnn, initialValues, type NetworkShape } from './network.ts';

const vocabulary = ['a', 'b', 'c', '😀'];

async function exported(shape: NetworkShape) {
  const net = createCharRnn(shape, initialValues(shape, 2));
  const files = await exportLayersModel(net, { vocabulary, cell: shape.cell, step: 17 });
  disposeCharRnn(net);
  return files;
}

describe('LayersModel import', () => {
  for (const cell of CELL_KINDS) {
    it(`gives back the exported ${cell} weights exactly, with the vocabulary and step`, async () => {
      const shape: NetworkShape = {
        cell,
        vocabSize: 4,
        embeddingSize: 3,
        layers: 2,
        hiddenSize: 5,
      };
      const files = await exported(shape);
      const checkpoint = await importLayersModel(files.modelJson, files.weights);
      expect(checkpoint.shape).toEqual(shape);
      expect(checkpoint.vocabulary).toEqual(vocabulary);
      expect(checkpoint.step).toBe(17);
      expect(checkpoint.params).toEqual(initialValues(shape, 2));
    });
  }

  it('refuses malformed or hostile files with a reason, allocating nothing big', async () => {
    const shape: NetworkShape = {
      cell: 'lstm',
      vocabSize: 4,
      embeddingSize: 0,
      layers: 1,
      hiddenSize: 4,
    };
    const { modelJson, weights } = await exported(shape);
    const json = JSON.parse(modelJson) as {
      modelTopology: { config: { layers: { config: { units: number } }[] } };
      userDefinedMetadata: { vocabulary: string[] };
    };
    const edit = (f: (j: typeof json) => void) => {
      const copy = structuredClone(json);
      f(copy);
      return JSON.stringify(copy);
    };
    await expect(importLayersModel('{not json', weights)).rejects.toThrow(/not valid JSON/);
    await expect(importLayersModel(modelJson, weights.slice(4))).rejects.toThrow(/bytes where/);
    await expect(
      importLayersModel(
        edit((j) => (j.userDefinedMetadata.vocabulary = ['a', 'a', 'b', 'c'])),
        weights,
      ),
    ).rejects.toThrow(/repeats/);
    await expect(
      importLayersModel(
        edit((j) => (j.modelTopology.config.layers[0]!.config.units = 1e7)),
        weights,
      ),
    ).rejects.toThrow(/1024 units/);
    await expect(
      importLayersModel(JSON.stringify({ weightsManifest: [] }), weights),
    ).rejects.toThrow(/not a sequential model/);
  });
});
