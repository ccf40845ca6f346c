// The contract every recurrent cell (LSTM, GRU, simple RNN) fulfils, so the network, the trainer
// and the sampler never need to know which one runs. Every sequence tensor is time-major: row
// t*B + b holds timestep t of window b.
import type * as tf from '@tensorflow/tfjs-core';
import type { CellKind } from '../kinds.ts';

export { CELL_KINDS, type CellKind } from '../kinds.ts';

export interface CellState {
  h: tf.Tensor2D; // [B, H]
  /** The LSTM's memory cell; null for cells that carry only h. */
  c: tf.Tensor2D | null; // [B, H]
}

/** What one cell's backward pass needs from its forward pass (opaque to everyone else). */
export interface CellCache {
  readonly kind: CellKind;
}

export interface CellForward {
  hAll: tf.Tensor2D; // [T*B, H]
  final: CellState;
  cache: CellCache | null;
}

/** Activations of one timestep that the network view shows (gates by name), all [B, H]. */
export type CellActivations = Record<string, tf.Tensor2D>;

export interface RecurrentCell {
  readonly kind: CellKind;
  /** Blocks of H columns in the kernel, recurrent kernel and bias: 4 LSTM, 3 GRU, 1 RNN. */
  readonly gates: number;
  /** Names of the gate activations `step` reports, in display order. */
  readonly gateNames: readonly string[];
  /** The starting bias of one layer, [gates * H]. */
  initialBias(hidden: number): Float32Array;
  /**
   * The recurrence over all timesteps. zxAll = x W + b for every timestep, computed before in one
   * matMul; only the recurrent product runs per step.
   */
  forward(
    zxAll: tf.Tensor2D, // [T*B, G*H]
    seqLen: number,
    initial: CellState,
    recurrent: tf.Tensor2D, // [H, G*H]
    keepCache: boolean,
  ): CellForward;
  /**
   * Backprop through time. Given dL/dh_t of every timestep, returns dL/dz_t (the pre-activations
   * that x W + b feeds, from which the caller gets kernel, bias and input gradients with one
   * matMul each) and the recurrent kernel's gradient. A carried initial state gets no gradient:
   * backprop is truncated at the window's start, as in char-rnn.
   */
  backward(
    dhAll: tf.Tensor2D, // [T*B, H]
    cache: CellCache,
    recurrent: tf.Tensor2D, // [H, G*H]
  ): { dz: tf.Tensor2D; dRecurrent: tf.Tensor2D };
  /** One timestep (sampling, inspection): the new state and the named gate activations. */
  step(
    zx: tf.Tensor2D, // [B, G*H]
    state: CellState,
    recurrent: tf.Tensor2D, // [H, G*H]
  ): { state: CellState; activations: CellActivations };
}

/** The cache of a fused path (../pointwise): its backward pass is the fused one too. */
export interface FusedCellCache extends CellCache {
  readonly fused: true;
}

export function isFusedCache(cache: CellCache): cache is FusedCellCache {
  return (cache as Partial<FusedCellCache>).fused === true;
}

/** A cell's recurrence on fused point-wise kernels, for backends that register them. */
export interface FusedPath {
  forward: RecurrentCell['forward'];
  backward: (
    dhAll: tf.Tensor2D,
    cache: FusedCellCache,
    recurrent: tf.Tensor2D,
  ) => { dz: tf.Tensor2D; dRecurrent: tf.Tensor2D };
}
