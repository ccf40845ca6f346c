// One optimisation step and the validation loss, each a single tf.tidy: nothing outlives a call
// except the returned loss scalar, which the caller reads back (in batches) and disposes.
import * as tf from '@tensorflow/tfjs-core';
import { toTimeMajor, type Batch } from './batches.ts';
import { forward, lossAndGradients, zeroStates, type CharLstm } from './network.ts';
import { softmaxCrossEntropy } from './loss.ts';
import { clipByGlobalNorm, type Adam } from './optimizer.ts';

/** A batch uploaded as time-major int32 ids: [T*B] inputs and targets. */
export function batchTensors(batch: Batch): { ids: tf.Tensor1D; targets: tf.Tensor1D } {
  const { batchSize, seqLen } = batch;
  return {
    ids: tf.tensor1d(toTimeMajor(batch.inputs, batchSize, seqLen), 'int32'),
    targets: tf.tensor1d(toTimeMajor(batch.targets, batchSize, seqLen), 'int32'),
  };
}

/** Forward, backprop through time, clip, Adam. Returns the batch's loss before the update. */
export function trainStep(
  net: CharLstm,
  optimizer: Adam,
  batch: Batch,
  learningRate: number,
  clipNorm: number,
): tf.Scalar {
  return tf.tidy(() => {
    const { ids, targets } = batchTensors(batch);
    const initial = zeroStates(net, batch.batchSize);
    const { loss, grads } = lossAndGradients(net, ids, targets, batch.seqLen, initial);
    const { clipped } = clipByGlobalNorm(grads, clipNorm);
    optimizer.apply(clipped, learningRate);
    return loss;
  });
}

/** Loss of one batch without gradients. */
export function batchLoss(net: CharLstm, batch: Batch): tf.Scalar {
  return tf.tidy(() => {
    const { ids, targets } = batchTensors(batch);
    const pass = forward(net, ids, batch.seqLen, zeroStates(net, batch.batchSize), false);
    return softmaxCrossEntropy(pass.logits, targets).loss;
  });
}

/** Mean loss over batches (each read back once; few batches, so few readbacks). */
export async function meanLoss(net: CharLstm, batches: Batch[]): Promise<number> {
  if (batches.length === 0) return Number.NaN;
  const losses = tf.tidy(() => tf.stack(batches.map((b) => batchLoss(net, b))));
  try {
    const values = await losses.data();
    return Array.from(values).reduce((a, b) => a + b, 0) / values.length;
  } finally {
    losses.dispose();
  }
}
