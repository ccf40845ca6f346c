// Our kernels, registered over or beside tfjs's on every backend: the app's worker
// (backends.ts) and the Node bench (scripts/bench/node-bench.ts) call this one list.
import * as tf from '@tensorflow/tfjs-core';
import { JOIN_ROWS_KERNEL } from '../model/cells/steps.ts';
import { registerCpuKernels } from '../model/cpuKernels.ts';
import { LOSS_KERNEL } from '../model/loss.ts';
import { MATMUL_KERNEL } from '../model/matMul.ts';
import { ROWS_GRADIENT_KERNEL, ROWS_KERNEL } from '../model/rows.ts';
import { registerCpuPointwise } from '../model/pointwise/cpuKernel.ts';
import { registerWasmKernels } from '../model/wasmKernels.ts';
import { joinRowsWebgl } from './kernels/webglJoinRows.ts';
import { lossWebgl } from './kernels/webglLoss.ts';
import { matMulWebgl } from './kernels/webglMatMul.ts';
import { registerWebglPointwise } from './kernels/webglPointwise.ts';
import { rowsGradientWebgl, rowsWebgl } from './kernels/webglRows.ts';
import { joinRowsWebgpu } from './kernels/webgpuJoinRows.ts';
import { lossWebgpu } from './kernels/webgpuLoss.ts';
import { matMulWebgpu } from './kernels/webgpuMatMul.ts';
import { registerWebgpuPointwise } from './kernels/webgpuPointwise.ts';
import { isSoftwareWebgl, isSoftwareWebgpu } from './softwareGpu.ts';

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

/** Registers `kernelFunc` for `backendName` when `wanted`, and takes it away when not. */
function registerWhen(
  wanted: boolean,
  backendName: 'webgl' | 'webgpu',
  kernelName: string,
  kernelFunc: tf.KernelFunc,
): void {
  const registered = tf.getKernel(kernelName, backendName) !== undefined;
  if (wanted && !registered) tf.registerKernel({ kernelName, backendName, kernelFunc });
  if (!wanted && registered) tf.unregisterKernel(kernelName, backendName);
}

/**
 * Call once a backend has started: kernels that depend on what it runs on. Our WebGPU product,
 * row join and loss beat tfjs's kernels on a software adapter (SwiftShader, whose barriers and
 * per-element index arithmetic are slow); our WebGL product (several render targets per fragment,
 * which needs WebGL 2), row join (framebuffer blits), row lookups by id and loss beat tfjs's on a
 * software renderer. All are unmeasured on a real GPU, where tfjs's serve.
 */
export function fitKernelsToBackend(): void {
  if (tf.getBackend() === 'webgl') {
    const software = tf.env().getNumber('WEBGL_VERSION') === 2 && isSoftwareWebgl(tf.backend());
    registerWhen(software, 'webgl', MATMUL_KERNEL, matMulWebgl);
    registerWhen(software, 'webgl', JOIN_ROWS_KERNEL, joinRowsWebgl);
    registerWhen(software, 'webgl', ROWS_KERNEL, rowsWebgl);
    registerWhen(software, 'webgl', ROWS_GRADIENT_KERNEL, rowsGradientWebgl);
    registerWhen(software, 'webgl', LOSS_KERNEL, lossWebgl);
  }
  if (tf.getBackend() !== 'webgpu') return;
  const software = isSoftwareWebgpu(tf.backend());
  registerWhen(software, 'webgpu', MATMUL_KERNEL, matMulWebgpu);
  registerWhen(software, 'webgpu', JOIN_ROWS_KERNEL, joinRowsWebgpu);
  registerWhen(software, 'webgpu', LOSS_KERNEL, lossWebgpu);
}
