// The network: an optional embedding, a stack of recurrent layers (LSTM, GRU or simple RNN), and
// a dense softmax output layer, on tf.variable weights.
//
// Weights are laid out as tfjs/Keras recurrent layers expect (kernel [in, G*H], recurrent kernel
// [H, G*H], bias [G*H]; G = 4 LSTM, 3 GRU, 1 RNN), so an export only permutes LSTM gate blocks.
// Without an embedding, layer 0's input is one-hot over the vocabulary and x W is a row lookup.
import * as tf from '@tensorflow/tfjs-core';
import { CELLS, type CellState, type RecurrentCell } from './cells/index.ts';
import { inputSize, parameterShapes, type NetworkShape } from './cost.ts';
import { deriveRng, uniformArray } from './random.ts';

export { parameterCount, parameterShapes, type NetworkShape } from './cost.ts';

export interface LayerWeights {
  kernel: tf.Variable<tf.Rank.R2>; // [in, G*H]; in = embedding size (or V) for layer 0, H above
  recurrent: tf.Variable<tf.Rank.R2>; // [H, G*H]
  bias: tf.Variable<tf.Rank.R1>; // [G*H]
}

export interface CharRnn {
  shape: NetworkShape;
  cell: RecurrentCell;
  embedding: tf.Variable<tf.Rank.R2> | null; // [V, E]
  layers: LayerWeights[];
  outKernel: tf.Variable<tf.Rank.R2>; // [H, V]
  outBias: tf.Variable<tf.Rank.R1>; // [V]
}

/** Trainable variables in one fixed order: embedding, layer by layer, then the output layer. */
export function parameters(net: CharRnn): tf.Variable[] {
  return [
    ...(net.embedding ? [net.embedding] : []),
    ...net.layers.flatMap((l) => [l.kernel, l.recurrent, l.bias]),
    net.outKernel,
    net.outBias,
  ];
}

/**
 * Initial values, computed in JS from the seed so every backend starts from identical weights.
 * Embedding: uniform +-0.1. Kernels: Glorot uniform. Recurrent: uniform +-1/sqrt(H) (as PyTorch).
 * Biases: the cell's own (the LSTM's forget gate starts at 1).
 */
export function initialValues(shape: NetworkShape, seed: number): Float32Array[] {
  const rng = deriveRng(seed, 'init');
  const { vocabSize: v, hiddenSize: h } = shape;
  const cell = CELLS[shape.cell];
  const gh = cell.gates * h;
  const glorot = (rows: number, cols: number) =>
    uniformArray(rng, rows * cols, Math.sqrt(6 / (rows + cols)));
  const values: Float32Array[] = [];
  if (shape.embeddingSize > 0) values.push(uniformArray(rng, v * shape.embeddingSize, 0.1));
  for (let l = 0; l < shape.layers; l++) {
    const inputs = l === 0 ? inputSize(shape) : h;
    values.push(glorot(inputs, gh), uniformArray(rng, h * gh, 1 / Math.sqrt(h)));
    values.push(cell.initialBias(h));
  }
  values.push(glorot(h, v), new Float32Array(v));
  return values;
}

export function createCharRnn(shape: NetworkShape, values: Float32Array[]): CharRnn {
  // In a tidy: a variable takes its own reference to the data, so the source tensors must go.
  const vars = tf.tidy(() =>
    parameterShapes(shape).map((s, i) =>
      tf.variable(tf.tensor(values[i]!, s), true, undefined, 'float32'),
    ),
  );
  const embedding = shape.embeddingSize > 0 ? (vars.shift() as tf.Variable<tf.Rank.R2>) : null;
  const layers: LayerWeights[] = [];
  for (let l = 0; l < shape.layers; l++) {
    layers.push({
      kernel: vars[3 * l] as tf.Variable<tf.Rank.R2>,
      recurrent: vars[3 * l + 1] as tf.Variable<tf.Rank.R2>,
      bias: vars[3 * l + 2] as tf.Variable<tf.Rank.R1>,
    });
  }
  return {
    shape,
    cell: CELLS[shape.cell],
    embedding,
    layers,
    outKernel: vars[3 * shape.layers] as tf.Variable<tf.Rank.R2>,
    outBias: vars[3 * shape.layers + 1] as tf.Variable<tf.Rank.R1>,
  };
}

export function disposeCharRnn(net: CharRnn): void {
  for (const v of parameters(net)) v.dispose();
}

/** Zero state of every layer for a batch. */
export function zeroStates(net: CharRnn, batch: number): CellState[] {
  const h = net.shape.hiddenSize;
  return net.layers.map(() => ({
    h: tf.zeros([batch, h]) as tf.Tensor2D,
    c: net.cell.kind === 'lstm' ? (tf.zeros([batch, h]) as tf.Tensor2D) : null,
  }));
}

/** Current values of every parameter, for a snapshot or a save. */
export async function readValues(net: CharRnn): Promise<Float32Array[]> {
  return Promise.all(parameters(net).map((p) => p.data() as Promise<Float32Array>));
}

/** Puts values (from initialValues or readValues) back into the variables. */
export function assignValues(net: CharRnn, values: Float32Array[]): void {
  tf.tidy(() => parameters(net).forEach((p, i) => p.assign(tf.tensor(values[i]!, p.shape))));
}
