// The forward pass and the hand-written backward pass of the whole network for one batch.
// Call both inside tf.tidy. Products with a transposed operand go through transposedProduct and
// byTransposed, which transpose first where the backend's flags are slow (wasm: 5-30x).
import * as tf from '@tensorflow/tfjs-core';
import { affine, byTransposed, sumRows } from './matMul.ts';
import type { CellCache, CellState } from './cells/index.ts';
import { sumOuter, transposedProduct } from './cells/steps.ts';
import { embedRows, embedRowsGradient, projectInput } from './embedding.ts';
import { softmaxCrossEntropy } from './loss.ts';
import type { CharRnn } from './network.ts';

/** Inverted dropout on every layer's output, with masks drawn from a per-step seed. */
export interface DropoutSpec {
  rate: number;
  seed: number;
}

export interface ForwardOptions {
  keepCache: boolean;
  dropout: DropoutSpec | null;
}

export interface ForwardPass {
  logits: tf.Tensor2D; // [T*B, V]
  finals: CellState[]; // per layer
  caches: CellCache[]; // per layer (empty without keepCache)
  inputs: tf.Tensor2D[]; // per layer: what multiplied its kernel, [T*B, in] (layer 0: embedded x)
  masks: (tf.Tensor2D | null)[]; // per layer: its output's dropout mask, [T*B, H]
  hTop: tf.Tensor2D; // [T*B, H] the last layer's output, after dropout
}

/** 1/(1-rate) where a uniform draw clears the rate, else 0. Float ops only (no bool casts). */
function dropoutMask(shape: [number, number], spec: DropoutSpec, layer: number): tf.Tensor2D {
  const u = tf.randomUniform(shape, 0, 1, 'float32', spec.seed * 31 + layer);
  return tf.mul(tf.step(tf.sub(u, spec.rate)), 1 / (1 - spec.rate)) as tf.Tensor2D;
}

export function forward(
  net: CharRnn,
  ids: tf.Tensor1D, // [T*B] int32, time-major
  seqLen: number,
  initial: CellState[],
  options: ForwardOptions,
): ForwardPass {
  const pass: ForwardPass = {
    logits: null as unknown as tf.Tensor2D,
    finals: [],
    caches: [],
    inputs: [],
    masks: [],
    hTop: null as unknown as tf.Tensor2D,
  };
  let x: tf.Tensor2D | null = net.embedding ? embedRows(net.embedding, ids) : null;
  net.layers.forEach((layer, l) => {
    // [T*B, G*H]: every timestep's input projection in one product.
    const zx = projectInput(x, ids, layer.kernel, layer.bias);
    if (x) pass.inputs.push(x);
    const out = net.cell.forward(zx, seqLen, initial[l]!, layer.recurrent, options.keepCache);
    if (out.cache) pass.caches.push(out.cache);
    pass.finals.push(out.final);
    const mask = options.dropout ? dropoutMask(out.hAll.shape, options.dropout, l) : null;
    pass.masks.push(mask);
    x = mask ? (tf.mul(out.hAll, mask) as tf.Tensor2D) : out.hAll;
  });
  pass.hTop = x as unknown as tf.Tensor2D;
  pass.logits = affine(pass.hTop, net.outKernel, net.outBias);
  return pass;
}

/**
 * Loss and the gradient of every parameter (in parameters() order) for one batch, by backprop
 * through time, plus each layer's final state (for carrying state to the next batch).
 */
export function lossAndGradients(
  net: CharRnn,
  ids: tf.Tensor1D, // [T*B] int32, time-major
  targets: tf.Tensor1D, // [T*B] int32, time-major
  seqLen: number,
  initial: CellState[],
  dropout: DropoutSpec | null = null,
): { loss: tf.Scalar; grads: tf.Tensor[]; finals: CellState[] } {
  const pass = forward(net, ids, seqLen, initial, { keepCache: true, dropout });
  const { loss, dLogits } = softmaxCrossEntropy(pass.logits, targets);
  const dOutKernel = transposedProduct(pass.hTop, dLogits); // [H, V]
  const dOutBias = sumRows(dLogits); // [V]
  let dh = byTransposed(net.outKernel)(dLogits); // [T*B, H]
  const layerGrads: tf.Tensor[][] = [];
  let dEmbedding: tf.Tensor | null = null;
  for (let l = net.layers.length - 1; l >= 0; l--) {
    const layer = net.layers[l]!;
    const mask = pass.masks[l];
    if (mask) dh = tf.mul(dh, mask);
    const { dz, dRecurrent } = net.cell.backward(dh, pass.caches[l]!, layer.recurrent); // [T*B, G*H]
    const dBias = sumRows(dz); // [G*H]
    // Layer l's kernel input: pass.inputs is shifted by one when there is no embedding.
    const input = pass.inputs[net.embedding ? l : l - 1];
    let dKernel: tf.Tensor;
    if (input) {
      dKernel = sumOuter(input, dz); // [in, G*H]
      dh = byTransposed(layer.kernel)(dz); // [T*B, in] into the layer below
      if (l === 0 && net.embedding) {
        dEmbedding = embedRowsGradient(dh, ids, net.shape.vocabSize); // [V, E]
      }
    } else {
      dKernel = embedRowsGradient(dz, ids, net.shape.vocabSize); // [V, G*H]
    }
    layerGrads[l] = [dKernel, dRecurrent, dBias];
  }
  const grads = [...layerGrads.flat(), dOutKernel, dOutBias];
  if (dEmbedding) grads.unshift(dEmbedding);
  return { loss, grads, finals: pass.finals };
}
