// A stack of LSTM layers over one-hot characters, with a dense softmax output layer.
//
// Weights are laid out as Keras/tfjs LSTM layers expect (kernel [in, 4H], recurrent kernel [H, 4H],
// bias [4H]) so that a later export only permutes gate blocks. Layer 0's input is one-hot over the
// vocabulary, so x W is a row lookup (see embedRows).
//
// Products with a transposed operand are written as an explicit tf.transpose then matMul: wasm
// runs matMul's transposeA path ~30x slower ([128, 1600]^T x [1600, 512]: 140 ms against 5 ms).
import * as tf from '@tensorflow/tfjs-core';
import { lstmBackward, lstmForward, type LstmCache, type LstmState } from './lstm.ts';
import { softmaxCrossEntropy } from './loss.ts';
import { oneHotFloat } from './oneHot.ts';
import { deriveRng, uniformArray } from './random.ts';

export interface NetworkShape {
  vocabSize: number;
  layers: number;
  hiddenSize: number;
}

export interface LayerWeights {
  kernel: tf.Variable<tf.Rank.R2>; // [in, 4H]; in = V for layer 0, H above
  recurrent: tf.Variable<tf.Rank.R2>; // [H, 4H]
  bias: tf.Variable<tf.Rank.R1>; // [4H]
}

export interface CharLstm {
  shape: NetworkShape;
  layers: LayerWeights[];
  outKernel: tf.Variable<tf.Rank.R2>; // [H, V]
  outBias: tf.Variable<tf.Rank.R1>; // [V]
}

/** Trainable variables in one fixed order (layer by layer, then the output layer). */
export function parameters(net: CharLstm): tf.Variable[] {
  return [
    ...net.layers.flatMap((l) => [l.kernel, l.recurrent, l.bias]),
    net.outKernel,
    net.outBias,
  ];
}

/** Shapes of parameters(), in the same order. */
export function parameterShapes({ vocabSize, layers, hiddenSize: h }: NetworkShape): number[][] {
  const shapes: number[][] = [];
  for (let l = 0; l < layers; l++)
    shapes.push([l === 0 ? vocabSize : h, 4 * h], [h, 4 * h], [4 * h]);
  shapes.push([h, vocabSize], [vocabSize]);
  return shapes;
}

export function parameterCount(shape: NetworkShape): number {
  return parameterShapes(shape).reduce((sum, s) => sum + s.reduce((a, b) => a * b, 1), 0);
}

/**
 * Initial values, computed in JS from the seed so every backend starts from identical weights.
 * Kernels: Glorot uniform. Recurrent: uniform +-1/sqrt(H). Biases 0, except the forget gate at 1
 * (Jozefowicz et al. 2015) so the cell remembers by default early in training.
 */
export function initialValues(shape: NetworkShape, seed: number): Float32Array[] {
  const rng = deriveRng(seed, 'init');
  const { vocabSize: v, hiddenSize: h } = shape;
  const glorot = (rows: number, cols: number) =>
    uniformArray(rng, rows * cols, Math.sqrt(6 / (rows + cols)));
  const values: Float32Array[] = [];
  for (let l = 0; l < shape.layers; l++) {
    const inputs = l === 0 ? v : h;
    const bias = new Float32Array(4 * h).fill(1, h, 2 * h); // [i | f | o | g]: f starts at 1
    values.push(glorot(inputs, 4 * h), uniformArray(rng, h * 4 * h, 1 / Math.sqrt(h)), bias);
  }
  values.push(glorot(h, v), new Float32Array(v));
  return values;
}

export function createCharLstm(shape: NetworkShape, values: Float32Array[]): CharLstm {
  const shapes = parameterShapes(shape);
  const vars = shapes.map((s, i) =>
    tf.variable(tf.tensor(values[i]!, s), true, undefined, 'float32'),
  );
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
    layers,
    outKernel: vars[3 * shape.layers] as tf.Variable<tf.Rank.R2>,
    outBias: vars[3 * shape.layers + 1] as tf.Variable<tf.Rank.R1>,
  };
}

export function disposeCharLstm(net: CharLstm): void {
  for (const v of parameters(net)) v.dispose();
}

export interface ForwardPass {
  logits: tf.Tensor2D; // [T*B, V]
  finals: LstmState[]; // per layer
  caches: LstmCache[]; // per layer (empty without keepCache)
  layerInputs: tf.Tensor2D[]; // per layer above 0: [T*B, H]
  hTop: tf.Tensor2D; // [T*B, H]
}

export function zeroStates(net: CharLstm, batch: number): LstmState[] {
  return net.layers.map(() => ({
    h: tf.zeros([batch, net.shape.hiddenSize]) as tf.Tensor2D,
    c: tf.zeros([batch, net.shape.hiddenSize]) as tf.Tensor2D,
  }));
}

/** Forward over time-major ids [T*B]; call inside tf.tidy. */
export function forward(
  net: CharLstm,
  ids: tf.Tensor1D, // [T*B] int32, time-major
  seqLen: number,
  initial: LstmState[],
  keepCache: boolean,
): ForwardPass {
  const caches: LstmCache[] = [];
  const finals: LstmState[] = [];
  const layerInputs: tf.Tensor2D[] = [];
  let x: tf.Tensor2D | null = null; // [T*B, H] input of layers above 0
  net.layers.forEach((layer, l) => {
    // [T*B, 4H]: every timestep's input projection at once.
    const zx: tf.Tensor2D = x
      ? tf.add(tf.matMul(x, layer.kernel), layer.bias)
      : tf.add(embedRows(layer.kernel, ids), layer.bias);
    if (x) layerInputs.push(x);
    const out = lstmForward(zx, seqLen, initial[l]!, layer.recurrent, keepCache);
    if (out.cache) caches.push(out.cache);
    finals.push(out.final);
    x = out.hAll;
  });
  const hTop = x as unknown as tf.Tensor2D;
  const logits = tf.add(tf.matMul(hTop, net.outKernel), net.outBias) as tf.Tensor2D; // [T*B, V]
  return { logits, finals, caches, layerInputs, hTop };
}

/**
 * Below this vocabulary size the one-hot row lookup is done as a one-hot matMul: cheap at this
 * size, and on wasm 5x faster than its gather ([1600] ids of [89, 512]: 4 ms against 24 ms).
 * Above it (a Chinese corpus) the FLOPs grow with V, so gather and a segment sum win.
 */
const ONE_HOT_MAX_VOCAB = 256;

/** Whether the active backend can scatter-add rows (the gradient of a gather); wasm cannot. */
function canSegmentSum(): boolean {
  return tf.getKernel('UnsortedSegmentSum', tf.getBackend()) !== undefined;
}

/** Rows `ids` of `table`: one-hot(ids) x table. [N] ids of [V, D] -> [N, D]. */
function embedRows(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  const vocab = table.shape[0];
  if (vocab <= ONE_HOT_MAX_VOCAB) return tf.matMul(oneHotFloat(ids, vocab), table);
  return tf.gather(table, ids);
}

/** The gradient of embedRows for the table: one-hot(ids)^T x dRows, [V, D]. */
function embedRowsGradient(dRows: tf.Tensor2D, ids: tf.Tensor1D, vocab: number): tf.Tensor2D {
  if (vocab > ONE_HOT_MAX_VOCAB && canSegmentSum()) return tf.unsortedSegmentSum(dRows, ids, vocab);
  return tf.matMul(tf.transpose(oneHotFloat(ids, vocab)), dRows);
}

/**
 * Loss and the gradient of every parameter (in parameters() order) for one batch, by hand-written
 * backprop through time. Call inside tf.tidy.
 */
export function lossAndGradients(
  net: CharLstm,
  ids: tf.Tensor1D, // [T*B] int32, time-major
  targets: tf.Tensor1D, // [T*B] int32, time-major
  seqLen: number,
  initial: LstmState[],
): { loss: tf.Scalar; grads: tf.Tensor[]; finals: LstmState[] } {
  const pass = forward(net, ids, seqLen, initial, true);
  const { loss, dLogits } = softmaxCrossEntropy(pass.logits, targets);
  const dOutKernel = tf.matMul(tf.transpose(pass.hTop), dLogits); // [H, V]
  const dOutBias = tf.sum(dLogits, 0); // [V]
  let dh: tf.Tensor2D = tf.matMul(dLogits, tf.transpose(net.outKernel)); // [T*B, H]
  const layerGrads: tf.Tensor[][] = [];
  for (let l = net.layers.length - 1; l >= 0; l--) {
    const layer = net.layers[l]!;
    const { dz, dRecurrent } = lstmBackward(dh, pass.caches[l]!, layer.recurrent); // dz [T*B, 4H]
    const dBias = tf.sum(dz, 0);
    let dKernel: tf.Tensor;
    if (l > 0) {
      dKernel = tf.matMul(tf.transpose(pass.layerInputs[l - 1]!), dz); // [H, 4H]
      dh = tf.matMul(dz, tf.transpose(layer.kernel)); // [T*B, H] into the layer below
    } else {
      dKernel = embedRowsGradient(dz, ids, net.shape.vocabSize); // [V, 4H]
    }
    layerGrads[l] = [dKernel, dRecurrent, dBias];
  }
  return { loss, grads: [...layerGrads.flat(), dOutKernel, dOutBias], finals: pass.finals };
}
