// Row lookups and their gradient on tfjs's cpu backend: the embedding, or layer 0's kernel when
// characters are one-hot (x W is then row `id` of W). Elsewhere they are one-hot products or a
// gather (embedding.ts); on cpu a one-hot product of [1600] ids by a [65, 512] table costs 25 ms
// of arithmetic on zeros, tfjs's cpu gather 37 ms and its UnsortedSegmentSum 4.6 s (Node). Here
// both are plain row copies and row sums: 5 ms for that lookup with layer 0's bias added.
import * as tf from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { cpuBackend } from './cpuBackend.ts';
import { checkedIds, ROWS_GRADIENT_KERNEL, ROWS_KERNEL } from './rows.ts';

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

export function registerCpuRows(): void {
  tf.registerKernel({ kernelName: ROWS_KERNEL, backendName: 'cpu', kernelFunc: rowsCpu });
  tf.registerKernel({
    kernelName: ROWS_GRADIENT_KERNEL,
    backendName: 'cpu',
    kernelFunc: rowsGradientCpu,
  });
}
