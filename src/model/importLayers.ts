// Import of a LayersModel that exportLayers.ts wrote (or one built the same way): model.json text
// plus the weights file's bytes -> a checkpoint our trainer can resume from (fresh optimizer state).
// Everything is checked before tfjs allocates anything, so a malformed or hostile file gives a
// clear Error and changes nothing.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import { CHECKPOINT_FORMAT, validateCheckpoint, type Checkpoint } from './checkpoint.ts';
import { parameterShapes, type NetworkShape } from './cost.ts';
import type { CellKind } from './kinds.ts';

const RECURRENT_CLASSES: Record<string, CellKind> = { LSTM: 'lstm', GRU: 'gru', SimpleRNN: 'rnn' };
const LIMITS = { layers: 4, units: 1024, vocabulary: 20_000, embedding: 512 };

interface LayerJson {
  class_name?: unknown;
  config?: {
    units?: unknown;
    use_bias?: unknown;
    activation?: unknown;
    return_sequences?: unknown;
  };
}

function fail(why: string): never {
  throw new Error(`This model file cannot be imported: ${why}.`);
}

/** Reads the topology and metadata from model.json text without loading any weights. */
function describe(json: tf.io.ModelJSON): { shape: NetworkShape; vocabulary: string[] } {
  const topology = json.modelTopology as { config?: { layers?: unknown } } | undefined;
  const layers = topology?.config?.layers;
  if (!Array.isArray(layers) || layers.length < 2) fail('it is not a sequential model of layers');
  const list = layers as LayerJson[];
  const vocabulary = (json.userDefinedMetadata as { vocabulary?: unknown } | undefined)?.vocabulary;
  if (!Array.isArray(vocabulary)) fail('it carries no vocabulary (userDefinedMetadata.vocabulary)');
  const vocab = vocabulary as unknown[];
  if (vocab.length < 2 || vocab.length > LIMITS.vocabulary)
    fail('its vocabulary size is out of range');
  if (!vocab.every((c) => typeof c === 'string' && [...c].length === 1))
    fail('its vocabulary is not one character per entry');
  if (new Set(vocab).size !== vocab.length) fail('its vocabulary repeats characters');
  const first = list[0]!;
  const embedding = first.class_name === 'Dense' && first.config?.use_bias === false;
  const recurrent = list.slice(embedding ? 1 : 0, -1);
  const output = list.at(-1)!;
  const kinds = new Set(recurrent.map((l) => RECURRENT_CLASSES[String(l.class_name)]));
  if (recurrent.length < 1 || recurrent.length > LIMITS.layers)
    fail(`it has ${recurrent.length} recurrent layers`);
  if (kinds.size !== 1 || kinds.has(undefined))
    fail('its recurrent layers are not all LSTM, GRU or SimpleRNN');
  const units = new Set(recurrent.map((l) => l.config?.units));
  const hidden = [...units][0];
  if (
    units.size !== 1 ||
    typeof hidden !== 'number' ||
    !Number.isInteger(hidden) ||
    hidden < 1 ||
    hidden > LIMITS.units
  ) {
    fail('its recurrent layers do not share one size up to 1024 units');
  }
  if (
    output.class_name !== 'Dense' ||
    output.config?.units !== vocab.length ||
    output.config?.activation !== 'softmax'
  ) {
    fail('its last layer is not a softmax over the vocabulary');
  }
  const embeddingSize = embedding ? Number(first.config?.units) : 0;
  if (!Number.isInteger(embeddingSize) || embeddingSize > LIMITS.embedding)
    fail('its embedding is too large');
  const cell = [...kinds][0] as CellKind;
  return {
    shape: {
      cell,
      vocabSize: vocab.length,
      embeddingSize,
      layers: recurrent.length,
      hiddenSize: hidden as number,
    },
    vocabulary: vocab as string[],
  };
}

/** Keras [i | f | g | o] -> ours [i | f | o | g] along the last axis. */
function lstmFromKeras(values: Float32Array, rows: number, units: number): Float32Array {
  const out = new Float32Array(values.length);
  const order = [0, 1, 3, 2]; // our block b comes from Keras block order[b]
  for (let r = 0; r < rows; r++) {
    for (let b = 0; b < 4; b++) {
      const from = r * 4 * units + order[b]! * units;
      out.set(values.subarray(from, from + units), r * 4 * units + b * units);
    }
  }
  return out;
}

/** model.json text and the weights file -> a validated checkpoint at the model's step (or 0). */
export async function importLayersModel(
  modelJson: string,
  weights: ArrayBuffer,
): Promise<Checkpoint> {
  let json: tf.io.ModelJSON;
  try {
    json = JSON.parse(modelJson) as tf.io.ModelJSON;
  } catch {
    fail('model.json is not valid JSON');
  }
  if (!json || typeof json !== 'object' || !Array.isArray(json.weightsManifest))
    fail('model.json has no weights manifest');
  const { shape, vocabulary } = describe(json);
  const expected = parameterShapes(shape);
  const floats = expected.reduce((sum, s) => sum + s.reduce((a, b) => a * b, 1), 0);
  if (weights.byteLength !== floats * 4) {
    fail(`the weights file has ${weights.byteLength} bytes where this model needs ${floats * 4}`);
  }
  const handler: tf.io.IOHandler = {
    load: () =>
      tf.io.getModelArtifactsForJSON(json, async (m) => [tf.io.getWeightSpecs(m), weights]),
  };
  let model: tfl.LayersModel;
  try {
    model = await tfl.loadLayersModel(handler);
  } catch (e) {
    fail(`tfjs could not load it (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    const values = await Promise.all(
      model.getWeights().map((w) => w.data() as Promise<Float32Array>),
    );
    if (values.length !== expected.length) fail('its weights do not match its layers');
    const offset = shape.embeddingSize > 0 ? 1 : 0;
    const params = values.map((v, i) => {
      const inRecurrent = i >= offset && i < offset + 3 * shape.layers;
      if (!inRecurrent || shape.cell !== 'lstm') return v;
      const rows = (expected[i]!.length === 1 ? 1 : expected[i]![0]) ?? 1;
      return lstmFromKeras(v, rows, shape.hiddenSize);
    });
    const step = Number((json.userDefinedMetadata as { step?: unknown }).step);
    return validateCheckpoint({
      format: CHECKPOINT_FORMAT,
      version: 1,
      shape,
      vocabulary,
      optimizer: 'adam',
      optimizerStep: 0,
      step: Number.isInteger(step) && step >= 0 ? step : 0,
      params,
      slots: [...params, ...params].map((p) => new Float32Array(p.length)),
    });
  } finally {
    model.dispose();
  }
}
