// Telling a software GPU from a real one, by the name it gives: WebGL's renderer string
// (gpuProbe.ts, and of tfjs's webgl backend's context) or the architecture of the adapter tfjs's
// webgpu backend runs on (ourKernels.ts).
import type { KernelBackend } from '@tensorflow/tfjs-core';
import type { WebGl2 } from './kernels/webgl2.ts';

/** SwiftShader, llvmpipe and the like: the CPU pretending to be a GPU. */
export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** What a WebGPU adapter's info says of it (GPUAdapterInfo, as Chromium and Dawn fill it). */
export interface AdapterNames {
  vendor?: string;
  architecture?: string;
}

/** Whether a WebGPU adapter is a software one, by its architecture and vendor. */
export function isSoftwareAdapter(info: AdapterNames | undefined): boolean {
  return SOFTWARE_RENDERER.test(`${info?.architecture ?? ''} ${info?.vendor ?? ''}`);
}

/** Whether tfjs's webgpu backend (`backend`) runs on a software adapter. */
export function isSoftwareWebgpu(backend: KernelBackend): boolean {
  // WebGPUBackend keeps the adapter's info (vendor, architecture) it was created with.
  return isSoftwareAdapter((backend as unknown as { adapterInfo?: AdapterNames }).adapterInfo);
}

/** What a WebGL context calls its renderer: the driver's own name where the browser tells it. */
export function webglRenderer(
  gl: Pick<WebGl2, 'getExtension' | 'getParameter' | 'RENDERER'>,
): string {
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
}

/** Whether tfjs's webgl backend (`backend`) draws on a software renderer. */
export function isSoftwareWebgl(backend: KernelBackend): boolean {
  // MathBackendWebGL keeps its GPGPUContext, whose gl is the context it draws on.
  const { gpgpu } = backend as unknown as { gpgpu?: { gl?: WebGl2 } };
  return gpgpu?.gl !== undefined && SOFTWARE_RENDERER.test(webglRenderer(gpgpu.gl));
}
