// Which WebGPU adapters get our software-only kernels (ourKernels.ts's fitKernelsToBackend).
import type { KernelBackend } from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { isSoftwareWebgpu } from './softwareGpu.ts';

/** A stand-in for tfjs's WebGPUBackend: only its adapterInfo is read. */
const backendOn = (vendor: string, architecture: string): KernelBackend =>
  ({ adapterInfo: { vendor, architecture } }) as unknown as KernelBackend;

describe('isSoftwareWebgpu', () => {
  it('counts SwiftShader, as Chromium and Dawn name it, as software', () => {
    expect(isSoftwareWebgpu(backendOn('google', 'swiftshader'))).toBe(true);
  });

  it('counts real GPUs, and a backend that names no adapter, as hardware', () => {
    expect(isSoftwareWebgpu(backendOn('nvidia', 'hopper'))).toBe(false);
    expect(isSoftwareWebgpu(backendOn('intel', 'gen-12lp'))).toBe(false);
    expect(isSoftwareWebgpu({} as KernelBackend)).toBe(false);
  });
});
