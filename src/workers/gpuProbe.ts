// Probes what GPU the worker can see, before tfjs touches it, to name the device and to tell a
// real GPU from a software one (SwiftShader, llvmpipe), which is slower than wasm on most laptops.
import type { BackendName } from './protocol.ts';
import { SOFTWARE_RENDERER, webglRenderer } from './softwareGpu.ts';

/** The slice of the WebGPU API used here (the worker's TS lib does not declare WebGPU). */
interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string };
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

export interface GpuProbe {
  /** Null when usable, else why not. */
  unavailable: string | null;
  software: boolean;
  detail: string;
}

export async function probeWebGpu(): Promise<GpuProbe> {
  const gpu = (self.navigator as { gpu?: GpuLike }).gpu;
  if (!gpu) return { unavailable: 'this browser has no WebGPU', software: false, detail: '' };
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter)
    return { unavailable: 'no WebGPU adapter was offered', software: false, detail: '' };
  const info = adapter.info ?? {};
  const detail = [info.vendor, info.architecture, info.device, info.description]
    .filter((s) => s)
    .join(' ');
  const software =
    adapter.isFallbackAdapter === true || SOFTWARE_RENDERER.test(info.architecture ?? '');
  return { unavailable: null, software, detail: detail || 'unnamed adapter' };
}

export function probeWebGl(): GpuProbe {
  if (typeof OffscreenCanvas === 'undefined') {
    return { unavailable: 'this worker has no OffscreenCanvas', software: false, detail: '' };
  }
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return { unavailable: 'WebGL2 is not available', software: false, detail: '' };
  const renderer = webglRenderer(gl);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { unavailable: null, software: SOFTWARE_RENDERER.test(renderer), detail: renderer };
}

/** What `name` would run on: the GPU probes for webgpu and webgl, a fixed answer otherwise. */
export async function probeBackend(name: BackendName): Promise<GpuProbe> {
  if (name === 'webgpu') return probeWebGpu();
  if (name === 'webgl') return probeWebGl();
  // wasm's detail (its thread count) is known once it has started.
  if (name === 'wasm') return { unavailable: null, software: false, detail: 'WebAssembly' };
  return { unavailable: null, software: false, detail: 'plain JavaScript' };
}
