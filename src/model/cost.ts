// What a model costs, from its shape alone: parameters, FLOPs per character and memory. Pure TS
// (no tfjs), so the page shows it before anything trains.
import { CELL_GATES, type CellKind, type OptimizerKind } from './kinds.ts';

export interface NetworkShape {
  cell: CellKind;
  vocabSize: number;
  /** Size of a learned character embedding; 0 feeds layer 0 one-hot characters. */
  embeddingSize: number;
  layers: number;
  hiddenSize: number;
}

/** Width of layer 0's input: the embedding, or the one-hot vocabulary. */
export function inputSize(shape: NetworkShape): number {
  return shape.embeddingSize > 0 ? shape.embeddingSize : shape.vocabSize;
}

/** Shapes of every parameter: embedding, then per layer kernel, recurrent, bias, then output. */
export function parameterShapes(shape: NetworkShape): number[][] {
  const { vocabSize: v, hiddenSize: h, layers } = shape;
  const gh = CELL_GATES[shape.cell] * h;
  const shapes: number[][] = shape.embeddingSize > 0 ? [[v, shape.embeddingSize]] : [];
  for (let l = 0; l < layers; l++) shapes.push([l === 0 ? inputSize(shape) : h, gh], [h, gh], [gh]);
  shapes.push([h, v], [v]);
  return shapes;
}

export function parameterCount(shape: NetworkShape): number {
  return parameterShapes(shape).reduce((sum, s) => sum + s.reduce((a, b) => a * b, 1), 0);
}

/**
 * Forward FLOPs per character: 2 x G*H x (in + H) per layer (G = 4 LSTM, 3 GRU, 1 RNN), plus
 * 2 x H x V for the output layer. One-hot input is a row lookup: no FLOPs for layer 0's input.
 */
export function forwardFlopsPerChar(shape: NetworkShape): number {
  const { hiddenSize: h, vocabSize: v } = shape;
  const gh = CELL_GATES[shape.cell] * h;
  let flops = 2 * h * v;
  for (let l = 0; l < shape.layers; l++) {
    const inputs = l === 0 ? shape.embeddingSize : h; // 0 when one-hot
    flops += 2 * gh * (inputs + h);
  }
  return flops;
}

/** Training costs about three forward passes: forward, and backward to inputs and to weights. */
export function trainingFlopsPerChar(shape: NetworkShape): number {
  return 3 * forwardFlopsPerChar(shape);
}

const OPTIMIZER_SLOTS: Record<OptimizerKind, number> = { adam: 2, rmsprop: 1, sgd: 1 };
const BYTES_PER_FLOAT = 4;

/**
 * Bytes a training step holds at its peak, roughly: weights, gradients, optimizer moments and a
 * recovery snapshot of both; plus the activations BPTT keeps, about (2G + 4) floats per unit per
 * character per layer, and three [chars, V] tensors for the softmax.
 */
export function trainingMemoryBytes(
  shape: NetworkShape,
  optimizer: OptimizerKind,
  batchSize: number,
  seqLen: number,
): number {
  const params = parameterCount(shape);
  const weights = params * (2 + 2 * OPTIMIZER_SLOTS[optimizer] + 1);
  const chars = batchSize * seqLen;
  const gates = CELL_GATES[shape.cell];
  const activations = (2 * gates + 4) * shape.hiddenSize * chars * shape.layers;
  const softmax = 3 * chars * shape.vocabSize;
  return (weights + activations + softmax) * BYTES_PER_FLOAT;
}
