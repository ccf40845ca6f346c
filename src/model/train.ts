// One optimisation step and the validation loss, each a single tf.tidy: nothing outlives a call
// except the returned loss scalar (and carried states), which the caller reads back and disposes.
import * as tf from '@tensorflow/tfjs-core';
import { toTimeMajor, type Batch } from './batches.ts';
import type { CellState } from './cells/index.ts';
import { flattenStates, unflattenStates } from './cells/stateList.ts';
import { softmaxCrossEntropy } from './loss.ts';
import { zeroStates, type CharRnn } from './network.ts';
import { clipScale, type Optimizer } from './optimizers.ts';
import { forward, lossAndGradients, type DropoutSpec } from './passes.ts';

/** A batch uploaded as time-major int32 ids: [T*B] inputs and targets. */
export function batchTensors(batch: Batch): { ids: tf.Tensor1D; targets: tf.Tensor1D } {
  const { batchSize, seqLen } = batch;
  return {
    ids: tf.tensor1d(toTimeMajor(batch.inputs, batchSize, seqLen), 'int32'),
    targets: tf.tensor1d(toTimeMajor(batch.targets, batchSize, seqLen), 'int32'),
  };
}

export interface StepOptions {
  learningRate: number;
  clipNorm: number;
  dropout: DropoutSpec | null;
  /** The state to start from (carried from the previous batch), or null for zeros. */
  initial: CellState[] | null;
  /** Whether to return the final states, to carry them into the next batch. */
  keepFinals: boolean;
}

export interface StepResult {
  /** The batch's loss before the update. */
  loss: tf.Scalar;
  /** Final states per layer when keepFinals; the caller owns (and disposes) them. */
  finals: CellState[] | null;
}

/** Forward, backprop through time, clip, update. */
export function trainStep(
  net: CharRnn,
  optimizer: Optimizer,
  batch: Batch,
  options: StepOptions,
): StepResult {
  // tidy keeps what it returns: [loss, ...final states] as a flat list.
  const [loss, ...flat] = tf.tidy(() => {
    const { ids, targets } = batchTensors(batch);
    const initial = options.initial ?? zeroStates(net, batch.batchSize);
    const out = lossAndGradients(net, ids, targets, batch.seqLen, initial, options.dropout);
    const { scale } = clipScale(out.grads, options.clipNorm);
    optimizer.apply(out.grads, options.learningRate, scale);
    return [out.loss, ...(options.keepFinals ? flattenStates(out.finals) : [])];
  }) as [tf.Scalar, ...tf.Tensor2D[]];
  return {
    loss,
    finals: options.keepFinals ? unflattenStates(flat, net.cell.kind === 'lstm') : null,
  };
}

export function disposeStates(states: CellState[] | null): void {
  if (states) tf.dispose(flattenStates(states));
}

/** Loss of one batch without gradients. */
export function batchLoss(net: CharRnn, batch: Batch): tf.Scalar {
  return tf.tidy(() => {
    const { ids, targets } = batchTensors(batch);
    const initial = zeroStates(net, batch.batchSize);
    const pass = forward(net, ids, batch.seqLen, initial, { keepCache: false, dropout: null });
    return softmaxCrossEntropy(pass.logits, targets).loss;
  });
}

/** Mean loss over batches (read back once). */
export async function meanLoss(net: CharRnn, batches: Batch[]): Promise<number> {
  if (batches.length === 0) return Number.NaN;
  const losses = tf.tidy(() => tf.stack(batches.map((b) => batchLoss(net, b))));
  try {
    const values = await losses.data();
    return Array.from(values).reduce((a, b) => a + b, 0) / values.length;
  } finally {
    losses.dispose();
  }
}
