// Row lookups and their gradient (rows.ts) on tfjs's wasm backend, read and written through views
// of the wasm heap. Without them layer 0 of a one-hot model is a one-hot product whose arithmetic
// is almost all on zeros: at 2x512 (4,096 ids, 65 characters, 2 threads) the product [4096, 65] x
// [65, 2048] took 14 ms of a 1.35 s step and its gradient [65, 4096] x [4096, 2048] 62 ms (17
// GFLOP/s: XNNPACK gets little from 65 output rows). As row copies and row sums both are one pass
// over [N, D]: 10 ms each there, and 2x512 trained 4% faster on 1 and on 2 threads (browser; Node,
// one thread: 1-3%). Plain JS on the calling thread: XNNPACK's thread pool does not share them.
import * as tf from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { checkedIds, ROWS_GRADIENT_KERNEL, ROWS_KERNEL } from './rows.ts';
import type { WasmHeapBackend } from './wasmKernels.ts';

function floats(heap: WasmHeapBackend, t: TensorInfo, kernel: string): Float32Array {
  if (t.dtype !== 'float32')
    throw new Error(`${kernel} on wasm takes float32 rows, got ${t.dtype}`);
  return heap.typedArrayFromHeap(t) as Float32Array;
}

const rowsWasm: KernelFunc = ({ inputs, backend }) => {
  const { table, ids, bias } = inputs as { table: TensorInfo; ids: TensorInfo; bias?: TensorInfo };
  const heap = backend as unknown as WasmHeapBackend;
  const [vocab, width] = table.shape as [number, number];
  const count = ids.shape[0]!;
  // makeOutput may grow (and so detach) the wasm heap: every view is taken after it.
  const out = heap.makeOutput([count, width], 'float32');
  const outVals = floats(heap, out, ROWS_KERNEL);
  const values = floats(heap, table, ROWS_KERNEL);
  const idValues = checkedIds(heap.typedArrayFromHeap(ids), vocab, ROWS_KERNEL);
  const b = bias ? floats(heap, bias, ROWS_KERNEL) : null;
  for (let n = 0; n < count; n++) {
    const from = idValues[n]! * width;
    const to = n * width;
    if (!b) {
      outVals.set(values.subarray(from, from + width), to);
      continue;
    }
    for (let j = 0; j < width; j++) outVals[to + j] = values[from + j]! + b[j]!;
  }
  return out;
};

const rowsGradientWasm: KernelFunc = ({ inputs, attrs, backend }) => {
  const { dRows, ids } = inputs as { dRows: TensorInfo; ids: TensorInfo };
  const { vocab } = attrs as { vocab: number };
  const heap = backend as unknown as WasmHeapBackend;
  const width = dRows.shape[1]!;
  const out = heap.makeOutput([vocab, width], 'float32');
  const outVals = floats(heap, out, ROWS_GRADIENT_KERNEL);
  const d = floats(heap, dRows, ROWS_GRADIENT_KERNEL);
  const idValues = checkedIds(heap.typedArrayFromHeap(ids), vocab, ROWS_GRADIENT_KERNEL);
  // makeOutput hands back reused heap memory: start from zeros. Rows are added in id order of
  // appearance, as the cpu kernel adds them, into a [V, D] table that stays in cache.
  outVals.fill(0);
  for (let n = 0; n < idValues.length; n++) {
    const to = idValues[n]! * width;
    const from = n * width;
    for (let j = 0; j < width; j++) outVals[to + j]! += d[from + j]!;
  }
  return out;
};

export function registerWasmRows(): void {
  const kernels: [string, KernelFunc][] = [
    [ROWS_KERNEL, rowsWasm],
    [ROWS_GRADIENT_KERNEL, rowsGradientWasm],
  ];
  for (const [kernelName, kernelFunc] of kernels) {
    if (tf.getKernel(kernelName, 'wasm')) tf.unregisterKernel(kernelName, 'wasm');
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
  }
}
