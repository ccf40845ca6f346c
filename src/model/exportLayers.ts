// Export as a standard tfjs LayersModel: model.json + one weights file that stock
// `tf.loadLayersModel` loads, predicting the same next-character probabilities as our network.
// Input: one-hot characters [batch, time, V]; output: softmax [batch, time, V]. The vocabulary
// travels in the model's user-defined metadata.
//
// Our weights already use the Keras layouts; only the LSTM's gate blocks are reordered, from our
// [i | f | o | g] to Keras's [i | f | g | o]. The GRU is tfjs's reset-before-product GRU, and the
// recurrent activation is set to 'sigmoid' (tfjs defaults to 'hardSigmoid').
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
// tfjs-layers calls ops as tensor methods (x.flatten()), which tfjs-core only adds on request.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import { parameters, type CharRnn } from './network.ts';

export interface ExportMetadata {
  /** id -> character, as our vocabulary. */
  vocabulary: readonly string[];
  cell: string;
  [key: string]: unknown;
}

/** Ours [i | f | o | g] -> Keras [i | f | g | o], along the last axis of a kernel or bias. */
function lstmToKeras(t: tf.Tensor): tf.Tensor {
  const axis = t.rank - 1;
  const [i, f, o, g] = tf.split(t, 4, axis);
  return tf.concat([i!, f!, g!, o!], axis);
}

function recurrentLayer(net: CharRnn, inputShape: number[] | undefined): tfl.layers.Layer {
  const units = net.shape.hiddenSize;
  const common = { units, returnSequences: true, ...(inputShape ? { inputShape } : {}) };
  if (net.cell.kind === 'lstm') {
    return tfl.layers.lstm({ ...common, recurrentActivation: 'sigmoid', unitForgetBias: false });
  }
  if (net.cell.kind === 'gru') return tfl.layers.gru({ ...common, recurrentActivation: 'sigmoid' });
  return tfl.layers.simpleRNN({ ...common, activation: 'tanh' });
}

/** Builds the LayersModel with our current weights. The caller disposes it. */
export function toLayersModel(net: CharRnn, metadata: ExportMetadata): tfl.LayersModel {
  const v = net.shape.vocabSize;
  const model = tfl.sequential();
  const inputShape = [-1, v].map((d) => (d < 0 ? null : d)) as number[];
  if (net.embedding) {
    // A bias-free dense layer on one-hot input is exactly an embedding lookup.
    model.add(tfl.layers.dense({ units: net.shape.embeddingSize, useBias: false, inputShape }));
  }
  net.layers.forEach((_, l) =>
    model.add(recurrentLayer(net, l === 0 && !net.embedding ? inputShape : undefined)),
  );
  model.add(tfl.layers.dense({ units: v, activation: 'softmax' }));
  const weights = tf.tidy(() =>
    parameters(net).map((p, index) => {
      const offset = net.embedding ? 1 : 0;
      const inLayer = index >= offset && index < offset + 3 * net.layers.length;
      return inLayer && net.cell.kind === 'lstm' ? lstmToKeras(p) : tf.clone(p);
    }),
  );
  model.setWeights(weights);
  tf.dispose(weights);
  model.setUserDefinedMetadata({ ...metadata, vocabulary: [...metadata.vocabulary] });
  return model;
}

export interface ExportedFiles {
  /** The text of model.json. */
  modelJson: string;
  /** The bytes of the weights file model.json names. */
  weights: ArrayBuffer;
}

/** The model's files, named as `tf.loadLayersModel` expects to find them beside each other. */
export async function exportLayersModel(
  net: CharRnn,
  metadata: ExportMetadata,
  weightsFileName = 'model.weights.bin',
): Promise<ExportedFiles> {
  const model = toLayersModel(net, metadata);
  try {
    let files: ExportedFiles | null = null;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const weights = tf.io.concatenateArrayBuffers(
          artifacts.weightData instanceof ArrayBuffer
            ? artifacts.weightData
            : (artifacts.weightData ?? []),
        );
        const manifest = [
          { paths: [`./${weightsFileName}`], weights: artifacts.weightSpecs ?? [] },
        ];
        const json: tf.io.ModelJSON = {
          modelTopology: artifacts.modelTopology ?? {},
          weightsManifest: manifest,
          format: artifacts.format,
          generatedBy: artifacts.generatedBy,
          convertedBy: artifacts.convertedBy,
          userDefinedMetadata: artifacts.userDefinedMetadata,
        };
        files = { modelJson: JSON.stringify(json), weights };
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    if (!files) throw new Error('The model was not saved');
    return files;
  } finally {
    model.dispose();
  }
}
