// Kernels for tfjs's wasm backend (4.22) that are missing or slow there, registered over the stock
// ones. Each reads and writes the wasm heap through views, so it costs what it touches:
// - Slice and SplitV: the stock ones copy their whole input out of the heap per call, so taking
//   T timestep slices of a [T*B, 4H] tensor copied it T times (77 ms of a 540 ms step at 1x128,
//   batch 32, sequence 50, measured in Node).
// - UnsortedSegmentSum: missing on wasm, so the gradient of an embedding lookup (and tf.gather's
//   gradient) had to be a one-hot matMul, 8 GFLOP a step for a 5,000-character vocabulary.
// - Transpose (2-D): the stock one walks the input in order and scatters its writes, 116 ms for a
//   [4096, 2048] gradient in Node; tiled, 33 ms. Other ranks keep the stock kernel.
// - Sum over the rows of a matrix (a bias gradient): the stock one transposes first, 82 ms for
//   [4096, 2048] in Node; summed in place, 5 ms. Other reductions keep the stock kernel.
// - Tanh: the stock one calls C's tanh per element on one thread (16 ns an element in Node, 16x
//   its vectorised Sigmoid, and 69 ms of a 2.5 s 2x512 LSTM step); as 2 sigmoid(2x) - 1 through
//   the backend's own Add, Sigmoid and Sub it is 7x faster and runs on the thread pool.
// Row lookups by character id and their gradient live in wasmRows.ts and register from here.
import {
  backend_util,
  getKernel,
  registerKernel,
  slice_util,
  unregisterKernel,
  util,
  type KernelConfig,
  type KernelFunc,
  type SliceAttrs,
  type SliceInputs,
  type SplitVAttrs,
  type SplitVInputs,
  type SumAttrs,
  type SumInputs,
  type TensorInfo,
  type TransposeAttrs,
  type TransposeInputs,
  type UnsortedSegmentSumAttrs,
  type UnsortedSegmentSumInputs,
} from '@tensorflow/tfjs-core';
import { registerWasmRows } from './wasmRows.ts';

/** The two methods of BackendWasm used here and in wasmRows.ts (public in its typings). */
export interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: TensorInfo['dtype']): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

const sliceWasm: KernelFunc = ({ inputs, attrs, backend }) => {
  const x = (inputs as unknown as SliceInputs).x as TensorInfo;
  const { begin, size } = attrs as unknown as SliceAttrs;
  if (x.dtype === 'string') throw new Error('string slices are not supported on wasm');
  const heap = backend as unknown as WasmHeapBackend;
  const [begin_, size_] = slice_util.parseSliceParams(x, begin, size) as [number[], number[]];
  // makeOutput may grow (and so detach) the wasm heap: take the views after it.
  const out = heap.makeOutput(size_, x.dtype);
  const xVals = heap.typedArrayFromHeap(x);
  const outVals = heap.typedArrayFromHeap(out);
  const strides = util.computeStrides(x.shape);
  if (slice_util.isSliceContinous(x.shape, begin_, size_)) {
    const offset = slice_util.computeFlatOffset(begin_, strides);
    outVals.set(xVals.subarray(offset, offset + util.sizeFromShape(size_)));
    return out;
  }
  // General case: copy innermost runs, walking the outer indices like an odometer.
  const rank = x.shape.length;
  const inner = size_[rank - 1] ?? 1;
  const outer = util.sizeFromShape(size_.slice(0, -1));
  const index = new Array<number>(Math.max(0, rank - 1)).fill(0);
  for (let o = 0; o < outer; o++) {
    let offset = begin_[rank - 1] ?? 0;
    for (let d = 0; d < rank - 1; d++) offset += ((begin_[d] ?? 0) + index[d]!) * (strides[d] ?? 0);
    outVals.set(xVals.subarray(offset, offset + inner), o * inner);
    for (let d = rank - 2; d >= 0; d--) {
      index[d]! += 1;
      if (index[d]! < (size_[d] ?? 1)) break;
      index[d] = 0;
    }
  }
  return out;
};

/** SplitV as consecutive slices along one axis (the stock one calls the slow Slice directly). */
const splitVWasm: KernelFunc = ({ inputs, attrs, backend }) => {
  const x = (inputs as unknown as SplitVInputs).x as TensorInfo;
  const { numOrSizeSplits, axis } = attrs as unknown as SplitVAttrs;
  const $axis = util.parseAxisParam(axis, x.shape)[0] ?? 0;
  const sizes = backend_util.prepareSplitSize(x, numOrSizeSplits, $axis);
  const begin = new Array<number>(x.shape.length).fill(0);
  return sizes.map((s) => {
    const size = [...x.shape];
    size[$axis] = s;
    const piece = sliceWasm({ inputs: { x }, attrs: { begin: [...begin], size }, backend });
    begin[$axis]! += s;
    return piece as TensorInfo;
  });
};

/** out[segmentIds[i]] += x[i] over the first axis; ids outside [0, numSegments) are dropped. */
const unsortedSegmentSumWasm: KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, segmentIds } = inputs as unknown as UnsortedSegmentSumInputs;
  const { numSegments } = attrs as unknown as UnsortedSegmentSumAttrs;
  const data = x as TensorInfo;
  const ids = segmentIds as TensorInfo;
  if (data.dtype !== 'float32' || ids.shape.length !== 1 || ids.shape[0] !== data.shape[0]) {
    throw new Error('UnsortedSegmentSum on wasm takes float32 data and one id per row');
  }
  const heap = backend as unknown as WasmHeapBackend;
  const row = util.sizeFromShape(data.shape.slice(1));
  const out = heap.makeOutput([numSegments, ...data.shape.slice(1)], 'float32');
  const xVals = heap.typedArrayFromHeap(data);
  const idVals = heap.typedArrayFromHeap(ids);
  const outVals = heap.typedArrayFromHeap(out);
  outVals.fill(0);
  for (let i = 0; i < idVals.length; i++) {
    const seg = idVals[i]!;
    if (seg < 0 || seg >= numSegments) continue;
    const from = i * row;
    const to = seg * row;
    for (let k = 0; k < row; k++) outVals[to + k]! += xVals[from + k]!;
  }
  return out;
};

/** Runs a stock wasm kernel by name (their setup ran when the backend started). */
function runWasm(name: string, args: Parameters<KernelFunc>[0]): TensorInfo {
  const kernel = getKernel(name, 'wasm');
  if (!kernel) throw new Error(`the wasm backend has no ${name} kernel`);
  return kernel.kernelFunc(args) as TensorInfo;
}

/** tanh(x) = 2 sigmoid(2x) - 1: within 2e-7 of Math.tanh (the stock kernel's own error is 8e-8). */
const tanhWasm: KernelFunc = ({ inputs, backend }) => {
  const x = inputs['x'] as TensorInfo;
  if (x.dtype !== 'float32') throw new Error('Tanh on wasm takes float32');
  const heap = backend as unknown as WasmHeapBackend & {
    disposeData(dataId: TensorInfo['dataId']): void;
  };
  const one = heap.makeOutput([], 'float32');
  heap.typedArrayFromHeap(one)[0] = 1;
  const twoX = runWasm('Add', { inputs: { a: x, b: x }, backend, attrs: {} });
  const s = runWasm('Sigmoid', { inputs: { x: twoX }, backend, attrs: {} });
  const twoS = runWasm('Add', { inputs: { a: s, b: s }, backend, attrs: {} });
  const out = runWasm('Sub', { inputs: { a: twoS, b: one }, backend, attrs: {} });
  for (const t of [one, twoX, s, twoS]) heap.disposeData(t.dataId);
  return out;
};

/** Column sums of a 2-D float32 tensor (axis 0) on the heap; any other Sum goes to the stock one. */
function sumWasm(stock: KernelConfig): KernelFunc {
  return (args) => {
    const x = (args.inputs as unknown as SumInputs).x as TensorInfo;
    const { axis, keepDims } = args.attrs as unknown as SumAttrs;
    const axes = util.parseAxisParam(axis, x.shape);
    if (x.shape.length !== 2 || x.dtype !== 'float32' || axes.length !== 1 || axes[0] !== 0) {
      return stock.kernelFunc(args);
    }
    const [rows, cols] = x.shape as [number, number];
    const heap = args.backend as unknown as WasmHeapBackend;
    const out = heap.makeOutput(keepDims ? [1, cols] : [cols], 'float32');
    const xVals = heap.typedArrayFromHeap(x);
    // Four rows at a time, in input order (half the accumulator traffic of one: 4.5 ms against 9
    // for [4096, 2048]), into float64 sums.
    const acc = new Float64Array(cols);
    let r = 0;
    for (; r + 4 <= rows; r += 4) {
      const [a, b, c, d] = [r * cols, (r + 1) * cols, (r + 2) * cols, (r + 3) * cols];
      for (let j = 0; j < cols; j++) {
        acc[j]! += xVals[a + j]! + xVals[b + j]! + xVals[c + j]! + xVals[d + j]!;
      }
    }
    for (; r < rows; r++) {
      for (let j = 0; j < cols; j++) acc[j]! += xVals[r * cols + j]!;
    }
    heap.typedArrayFromHeap(out).set(acc);
    return out;
  };
}

const TILE = 64;

/**
 * A 2-D transpose in tiles (both sides of a tile stay in cache), about 3.5x faster than the
 * stock kernel at [4096, 2048], which the weight gradients need (see sumOuter in cells/steps.ts).
 * Other ranks and permutations go to the stock kernel.
 */
function transposeWasm(stock: KernelConfig): KernelFunc {
  return (args) => {
    const x = (args.inputs as unknown as TransposeInputs).x as TensorInfo;
    const { perm } = args.attrs as unknown as TransposeAttrs;
    if (x.shape.length !== 2 || perm[0] !== 1 || x.dtype === 'string')
      return stock.kernelFunc(args);
    const [rows, cols] = x.shape as [number, number];
    const heap = args.backend as unknown as WasmHeapBackend;
    const out = heap.makeOutput([cols, rows], x.dtype);
    const xVals = heap.typedArrayFromHeap(x);
    const outVals = heap.typedArrayFromHeap(out);
    // Tile by tile, each output row of a tile written in order (reads stride down the input):
    // 18 ms for [4096, 2048] in Node, against 70 ms input-row order and 116 ms stock.
    for (let c0 = 0; c0 < cols; c0 += TILE) {
      const c1 = Math.min(cols, c0 + TILE);
      for (let r0 = 0; r0 < rows; r0 += TILE) {
        const r1 = Math.min(rows, r0 + TILE);
        for (let c = c0; c < c1; c++) {
          const to = c * rows;
          for (let r = r0; r < r1; r++) outVals[to + r] = xVals[r * cols + c]!;
        }
      }
    }
    return out;
  };
}

// The stock wasm Transpose and Sum, kept once: registering ours replaces them in the registry.
let stockTransposeConfig: KernelConfig | undefined;
let stockSumConfig: KernelConfig | undefined;

/** Registers the kernels above for wasm over the stock ones; safe to call more than once. */
export function registerWasmKernels(): void {
  const stockTranspose = (stockTransposeConfig ??= getKernel('Transpose', 'wasm'));
  const stockSum = (stockSumConfig ??= getKernel('Sum', 'wasm'));
  const configs: KernelConfig[] = [
    { kernelName: 'Slice', backendName: 'wasm', kernelFunc: sliceWasm },
    { kernelName: 'SplitV', backendName: 'wasm', kernelFunc: splitVWasm },
    { kernelName: 'UnsortedSegmentSum', backendName: 'wasm', kernelFunc: unsortedSegmentSumWasm },
    { kernelName: 'Tanh', backendName: 'wasm', kernelFunc: tanhWasm },
  ];
  if (stockTranspose) {
    // Keeps the stock setupFunc: it binds the wasm function the other ranks still use.
    configs.push({ ...stockTranspose, kernelFunc: transposeWasm(stockTranspose) });
  }
  if (stockSum) configs.push({ ...stockSum, kernelFunc: sumWasm(stockSum) });
  for (const config of configs) {
    if (getKernel(config.kernelName, 'wasm')) unregisterKernel(config.kernelName, 'wasm');
    registerKernel(config);
  }
  registerWasmRows();
}
