// The bench's host in Node (scripts/bench/node-bench.ts), for machines without a browser: a lent
// GPU machine runs tfjs's webgpu backend there through Dawn (the `webgpu` package), which the
// runner installs as navigator.gpu before importing this module. Backends start with our kernels
// registered, as in the app's worker; wasm runs one thread (Node has no cross-origin isolation).
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import { initialise } from '../initialiseBackend.ts';
import { registerOurKernels } from '../ourKernels.ts';
import type { BackendName } from '../protocol.ts';
import { isSoftwareAdapter } from '../softwareGpu.ts';
import { errorMessage } from './figures.ts';
import type { BenchHost, Started } from './types.ts';

registerOurKernels();

/** The parts of Dawn's adapter read here. */
interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
}
interface GpuLike {
  requestAdapter(): Promise<{ info?: AdapterInfoLike } | null>;
}

/** What the adapter says it is ("nvidia hopper ..."), or why there is none. */
async function webgpuAdapter(): Promise<{ detail: string } | { reason: string }> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) return { reason: 'no navigator.gpu (the runner found no `webgpu` package)' };
  const adapter = await gpu.requestAdapter();
  if (!adapter) return { reason: 'Dawn found no adapter (no Vulkan driver or loader?)' };
  const info = adapter.info ?? {};
  const words = [info.vendor, info.architecture, info.description].filter((w) => w);
  const software = isSoftwareAdapter(info) ? ' (software)' : '';
  return { detail: `WebGPU through Dawn in Node: ${words.join(', ') || 'unnamed'}${software}` };
}

async function start(name: BackendName): Promise<Started> {
  let detail = name === 'cpu' ? 'plain JavaScript, Node' : 'WebAssembly (XNNPACK), 1 thread, Node';
  if (name === 'webgl') return { ok: false, reason: 'Node has no WebGL' };
  if (name === 'webgpu') {
    const found = await webgpuAdapter().catch((e: unknown) => ({ reason: errorMessage(e) }));
    if ('reason' in found) return { ok: false, reason: found.reason };
    detail = found.detail;
  }
  const failed = await initialise(name);
  if (failed !== null) return { ok: false, reason: failed };
  return { ok: true, detail, threads: name === 'wasm' ? 1 : null };
}

export function nodeHost(
  progress: (line: string) => void,
  environment: BenchHost['environment'],
): BenchHost {
  return { progress, start, environment };
}
