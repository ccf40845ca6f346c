// Our kernels, registered over or beside tfjs's on every backend: the app's worker
// (backends.ts) and the Node bench (scripts/bench/node-bench.ts) call this one list.
import { registerCpuKernels } from '../model/cpuKernels.ts';
import { registerCpuPointwise } from '../model/pointwise/cpuKernel.ts';
import { registerWasmKernels } from '../model/wasmKernels.ts';
import { registerWebglPointwise } from './kernels/webglPointwise.ts';
import { registerWebgpuPointwise } from './kernels/webgpuPointwise.ts';

export function registerOurKernels(): void {
  // wasm's stock Slice, SplitV, Transpose, Sum and Tanh are slow or missing paths there
  // (src/model/wasmKernels.ts).
  registerWasmKernels();
  // One fused kernel per cell role and timestep where a backend has it (see
  // src/model/pointwise/spec.ts); wasm keeps the op-by-op cells, which its native kernels run fast.
  registerCpuPointwise();
  registerWebglPointwise();
  registerWebgpuPointwise();
  // Our cpu product, loss and row lookups (src/model/cpuKernels.ts): tfjs's cpu matMul runs at
  // ~1 GFLOP/s, ours at ~5.
  registerCpuKernels();
}
