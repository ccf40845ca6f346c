// How many threads tfjs's wasm backend gets. tfjs 4.22 on its own gives XNNPACK
// hardwareConcurrency / 2 threads (1 on a 2-core machine), so the count is always set explicitly.
// The threaded binary needs SharedArrayBuffer, which browsers give only to cross-origin isolated
// pages (our dev and preview servers send COOP/COEP); elsewhere the single-thread SIMD binary runs.
import * as tf from '@tensorflow/tfjs-core';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

/** The threaded binary pre-creates 8 pthread workers: more threads than that cannot run. */
const TFJS_MAX_THREADS = 8;
/**
 * The default's cap, tfjs's own before setThreadsCount existed. Only 2 threads were measured (on a
 * 2-core machine); a step's small products (64 rows at batch 64) leave little to split further.
 */
const DEFAULT_MAX_THREADS = 4;

export function wasmThreadsAvailable(): boolean {
  return globalThis.crossOriginIsolated && typeof SharedArrayBuffer === 'function';
}

/** One thread per logical core, capped; 1 where threads are unavailable. */
export function defaultWasmThreads(): number {
  if (!wasmThreadsAvailable()) return 1;
  const cores = globalThis.navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(cores, DEFAULT_MAX_THREADS));
}

/**
 * Chooses the binary and the thread count for the next start of the wasm backend (setThreadsCount
 * and the flag are read when it initialises). Returns the count asked for, 1 without isolation.
 */
export function configureWasmThreads(count: number): number {
  const threads = wasmThreadsAvailable()
    ? Math.max(1, Math.min(Math.floor(count), TFJS_MAX_THREADS))
    : 1;
  // The flag picks tfjs-backend-wasm-threaded-simd.wasm over the single-thread SIMD binary.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
  setThreadsCount(threads);
  return threads;
}

/** tfjs-backend-wasm registers itself with this priority. */
const WASM_PRIORITY = 2;

/**
 * A wasm backend reads its binary and thread count once, when it initialises. To change them in a
 * worker that has started it, the running one is disposed (its pthread workers end) and its
 * factory registered again, so the next setBackend('wasm') starts a new module.
 */
export function restartWasm(threads: number): number {
  const configured = configureWasmThreads(threads);
  const factory = tf.findBackendFactory('wasm');
  if (factory) {
    tf.removeBackend('wasm');
    tf.registerBackend('wasm', factory, WASM_PRIORITY);
  }
  return configured;
}

/** "WebAssembly (XNNPACK), 2 threads", from the count the running backend reports. */
export function wasmDetail(threads: number): string {
  return `WebAssembly (XNNPACK), ${threads} thread${threads === 1 ? '' : 's'}`;
}
