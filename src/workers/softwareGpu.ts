// Telling a software GPU from a real one, by the name it gives: WebGL's renderer string
// (gpuProbe.ts) or the architecture of the adapter tfjs's webgpu backend runs on (ourKernels.ts).
import type { KernelBackend } from '@tensorflow/tfjs-core';

/** SwiftShader, llvmpipe and the like: the CPU pretending to be a GPU. */
export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Whether tfjs's webgpu backend (`backend`) runs on a software adapter. */
export function isSoftwareWebgpu(backend: KernelBackend): boolean {
  // WebGPUBackend keeps the adapter's info (vendor, architecture) it was created with.
  const { adapterInfo } = backend as unknown as {
    adapterInfo?: { vendor?: string; architecture?: string };
  };
  return SOFTWARE_RENDERER.test(`${adapterInfo?.architecture ?? ''} ${adapterInfo?.vendor ?? ''}`);
}
