// Row lookups into a [V, D] table for one-hot characters: the embedding layer, or layer 0's
// kernel when the input is one-hot (then x W is row `id` of W).
import * as tf from '@tensorflow/tfjs-core';
import { hasRowsKernel, rows, rowsGradient } from './rows.ts';
import { transposedProduct } from './cells/steps.ts';
import { affine, matMul } from './matMul.ts';
import { oneHotFloat } from './oneHot.ts';

/**
 * Where the backend has no row kernels: below this vocabulary size a lookup is a one-hot matMul,
 * cheap at this size (on wasm, before it had row kernels, 5x faster than its gather: [1600] ids of
 * [89, 512], 4 ms against 24 ms). Above it (a Chinese corpus) the FLOPs grow with V, so gather
 * and a segment sum win.
 */
const ONE_HOT_MAX_VOCAB = 256;

/** Whether the active backend can scatter-add rows (the gradient of a gather). */
function canSegmentSum(): boolean {
  return tf.getKernel('UnsortedSegmentSum', tf.getBackend()) !== undefined;
}

/** Rows `ids` of `table` (one-hot(ids) x table), plus `bias` when given: [N] of [V, D] -> [N, D]. */
export function embedRows(table: tf.Tensor2D, ids: tf.Tensor1D, bias?: tf.Tensor1D): tf.Tensor2D {
  if (hasRowsKernel()) return rows(table, ids, bias); // cpu, wasm and software WebGL: see rows.ts
  const vocab = table.shape[0];
  if (vocab <= ONE_HOT_MAX_VOCAB) {
    const oneHot = oneHotFloat(ids, vocab);
    return bias ? affine(oneHot, table, bias) : matMul(oneHot, table);
  }
  const found = tf.gather(table, ids);
  return bias ? tf.add(found, bias) : found;
}

/**
 * A layer's input projection, [N, G*H]: x W + b, or, for a layer reading characters directly
 * (no embedding), rows `ids` of W + b.
 */
export function projectInput(
  x: tf.Tensor2D | null, // [N, in]
  ids: tf.Tensor1D, // [N]
  kernel: tf.Tensor2D, // [in, G*H]
  bias: tf.Tensor1D, // [G*H]
): tf.Tensor2D {
  return x ? affine(x, kernel, bias) : embedRows(kernel, ids, bias);
}

/** The gradient of embedRows for the table: one-hot(ids)^T x dRows, [V, D]. */
export function embedRowsGradient(
  dRows: tf.Tensor2D, // [N, D]
  ids: tf.Tensor1D, // [N]
  vocab: number,
): tf.Tensor2D {
  if (hasRowsKernel()) return rowsGradient(dRows, ids, vocab);
  if (vocab > ONE_HOT_MAX_VOCAB && canSegmentSum()) return tf.unsortedSegmentSum(dRows, ids, vocab);
  return transposedProduct(oneHotFloat(ids, vocab), dRows);
}
