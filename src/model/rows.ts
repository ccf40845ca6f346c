// Row lookups into a [V, D] table by character id, as kernels: the embedding, or layer 0's kernel
// when characters are one-hot (x W is then row `id` of W), and their gradient, a sum of rows
// into each id's row. Where a backend has them (cpu: cpuRows.ts; wasm: wasmRows.ts; software
// WebGL: src/workers/kernels/webglRows.ts) embedding.ts calls them instead of a one-hot product,
// whose arithmetic is almost all on zeros. This file holds what every backend's kernels share: the
// names, the calls, the autodiff gradient and the id checks.
import * as tf from '@tensorflow/tfjs-core';
import { sumRows } from './matMul.ts';

export const ROWS_KERNEL = 'CharRnnRows';
export const ROWS_GRADIENT_KERNEL = 'CharRnnRowsGradient';

/** Whether the active backend has both kernels. */
export function hasRowsKernel(): boolean {
  const backend = tf.getBackend();
  return (
    tf.getKernel(ROWS_KERNEL, backend) !== undefined &&
    tf.getKernel(ROWS_GRADIENT_KERNEL, backend) !== undefined
  );
}

/** Rows `ids` of `table`, plus `bias` on each when given: [N] ids of [V, D] -> [N, D]. */
export function rows(table: tf.Tensor2D, ids: tf.Tensor1D, bias?: tf.Tensor1D): tf.Tensor2D {
  const inputs: tf.NamedTensorMap = bias ? { table, ids, bias } : { table, ids };
  return tf.engine().runKernel(ROWS_KERNEL, inputs, {}) as tf.Tensor2D;
}

/** The table's gradient: row n of dRows added into row ids[n]. [N, D] -> [V, D]. */
export function rowsGradient(dRows: tf.Tensor2D, ids: tf.Tensor1D, vocab: number): tf.Tensor2D {
  return tf.engine().runKernel(ROWS_GRADIENT_KERNEL, { dRows, ids }, { vocab }) as tf.Tensor2D;
}

/** `ids` unchanged, or an error naming the kernel and the first id outside [0, vocab). */
export function checkedIds<T extends ArrayLike<number>>(ids: T, vocab: number, kernel: string): T {
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n]!;
    if (!(id >= 0 && id < vocab)) throw new Error(`${kernel}: id ${id} outside [0, ${vocab})`);
  }
  return ids;
}

/**
 * The positions n of `ids` grouped by id, for summing rows per id without a scatter: `order`
 * lists n by ascending id (ties in order of n), and id v's positions are order[starts[v]] up to
 * order[starts[v + 1]]. `starts` has `paddedVocab + 1` entries (every one past the last id is N),
 * so a kernel summing ids in pairs can read one past an odd vocabulary. Counting sort: O(N + V).
 */
export function idsInOrder(
  ids: ArrayLike<number>,
  vocab: number,
  paddedVocab = vocab,
): { order: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(Math.max(vocab, paddedVocab) + 1);
  for (let n = 0; n < ids.length; n++) starts[ids[n]! + 1]!++;
  for (let v = 1; v < starts.length; v++) starts[v]! += starts[v - 1]!;
  const next = starts.slice(0, vocab);
  const order = new Int32Array(ids.length);
  for (let n = 0; n < ids.length; n++) order[next[ids[n]!]!++] = n;
  return { order, starts };
}

/** For autodiff (the tests' cross-check): the table gets rowsGradient, the bias a row sum. */
function registerRowsGradient(): void {
  if (tf.getGradient(ROWS_KERNEL) !== undefined) return;
  tf.registerGradient({
    kernelName: ROWS_KERNEL,
    inputsToSave: ['table', 'ids'],
    gradFunc: (dy, saved) => {
      const [table, ids] = saved as [tf.Tensor2D, tf.Tensor1D];
      const g = dy as tf.Tensor2D;
      return {
        table: () => rowsGradient(g, ids, table.shape[0]),
        ids: () => tf.zeros(ids.shape), // float32, as tfjs's own ops give ids
        bias: () => sumRows(g),
      };
    },
  });
}

registerRowsGradient();
