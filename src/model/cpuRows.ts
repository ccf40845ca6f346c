// Row lookups and their gradient on tfjs's cpu backend: the embedding, or layer 0's kernel when
// characters are one-hot (x W is then row `id` of W). Elsewhere they are one-hot products or a
// gather (embedding.ts); on cpu a one-hot product of [1600] ids by a [65, 512] table costs 25 ms
// of arithmetic on zeros, tfjs's cpu gather 37 ms and its UnsortedSegmentSum 4.6 s (Node). Here
// both are plain row copies and row sums: 5 ms for that lookup with layer 0's bias added.
import * as tf from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { cpuBackend } from './cpuBackend.ts';
import { sumRows } from './matMul.ts';

export const ROWS_KERNEL = 'CharRnnRows';
export const ROWS_GRADIENT_KERNEL = 'CharRnnRowsGradient';

/** Whether the active backend has both kernels. */
export function hasRowsKernel(): boolean {
  return tf.getKernel(ROWS_KERNEL, tf.getBackend()) !== undefined;
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

function checkedIds(ids: Int32Array, vocab: number, kernel: string): Int32Array {
  for (const id of ids) {
    if (!(id >= 0 && id < vocab)) throw new Error(`${kernel}: id ${id} outside [0, ${vocab})`);
  }
  return ids;
}

const rowsCpu: KernelFunc = ({ inputs, backend }) => {
  const { table, ids, bias } = inputs as { table: TensorInfo; ids: TensorInfo; bias?: TensorInfo };
  const cpu = cpuBackend(backend);
  const [vocab, width] = table.shape as [number, number];
  const values = cpu.readSync(table.dataId) as Float32Array;
  const idValues = checkedIds(cpu.readSync(ids.dataId) as Int32Array, vocab, ROWS_KERNEL);
  const b = bias ? (cpu.readSync(bias.dataId) as Float32Array) : null;
  const out = new Float32Array(idValues.length * width);
  idValues.forEach((id, n) => {
    out.set(values.subarray(id * width, (id + 1) * width), n * width);
    if (b) for (let j = 0, o = n * width; j < width; j++, o++) out[o]! += b[j]!;
  });
  return cpu.makeTensorInfo([idValues.length, width], 'float32', out);
};

const rowsGradientCpu: KernelFunc = ({ inputs, attrs, backend }) => {
  const { dRows, ids } = inputs as { dRows: TensorInfo; ids: TensorInfo };
  const { vocab } = attrs as { vocab: number };
  const cpu = cpuBackend(backend);
  const width = dRows.shape[1]!;
  const d = cpu.readSync(dRows.dataId) as Float32Array;
  const idValues = checkedIds(cpu.readSync(ids.dataId) as Int32Array, vocab, ROWS_GRADIENT_KERNEL);
  const out = new Float32Array(vocab * width);
  idValues.forEach((id, n) => {
    for (let j = 0, o = id * width, p = n * width; j < width; j++, o++, p++) out[o]! += d[p]!;
  });
  return cpu.makeTensorInfo([vocab, width], 'float32', out);
};

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

export function registerCpuRows(): void {
  tf.registerKernel({ kernelName: ROWS_KERNEL, backendName: 'cpu', kernelFunc: rowsCpu });
  tf.registerKernel({
    kernelName: ROWS_GRADIENT_KERNEL,
    backendName: 'cpu',
    kernelFunc: rowsGradientCpu,
  });
  registerRowsGradient();
}
