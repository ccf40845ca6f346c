// Starts one tfjs backend for the benchmark, configured as the app configures it (importing
// ../backends.ts sets the wasm binaries' paths, our wasm kernels, the thread setting and allows
// software WebGL), and names what it runs on.
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import '../backends.ts';
import { probeBackend, type GpuProbe } from '../gpuProbe.ts';
import { initialise } from '../initialiseBackend.ts';
import type { BackendName } from '../protocol.ts';
import { restartWasm, wasmDetail } from '../wasmThreads.ts';
import { errorMessage } from './figures.ts';
import type { Started } from './types.ts';

/** `wasmThreads`: start wasm afresh with this many threads; absent, as the app configures it. */
export async function startBackend(name: BackendName, wasmThreads?: number): Promise<Started> {
  let found: GpuProbe;
  try {
    found = await probeBackend(name);
  } catch (e) {
    return { ok: false, reason: `probing it failed (${errorMessage(e)})` };
  }
  if (found.unavailable) return { ok: false, reason: found.unavailable };
  if (name === 'wasm' && wasmThreads !== undefined) restartWasm(wasmThreads);
  const failed = await initialise(name);
  if (failed !== null) return { ok: false, reason: failed };
  if (name === 'wasm') {
    const threads = getThreadsCount();
    return { ok: true, detail: wasmDetail(threads), threads };
  }
  if (name === 'cpu') return { ok: true, detail: 'plain JavaScript', threads: null };
  return {
    ok: true,
    detail: `${found.detail}${found.software ? ' (software)' : ''}`,
    threads: null,
  };
}
