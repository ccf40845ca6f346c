// A build-time patch that lets tfjs-backend-wasm 4.22's threaded SIMD module run threads when
// bundled, and run more than one on a 2-core machine (issue 7). tfjs 4.22 is the last release, so
// the fixes cannot come upstream; the patch fails the build if the text it fixes has changed.
//
// 1. tfjs gives each pthread worker the module factory's own source (factory.toString() in a
//    Blob). The factory reads `_scriptDir` from the closure around it, guarded by `typeof`; a
//    minifier that sees the binding turns the guard into `e !== void 0`, and the copy in the
//    pthread, which has no such closure, throws "e is not defined" and the backend dies. In a
//    bundle `_scriptDir` is undefined anyway (module scripts and workers have no currentScript).
// 2. The module caps XNNPACK's threads at navigator.hardwareConcurrency / 2 (it assumes two
//    hyperthreads per core), whatever setThreadsCount asks: on 2 cores, 1 thread. Counting every
//    logical core lets the count the app asks for (src/workers/wasmThreads.ts) through.
import type { Plugin } from 'vite';

const MODULE = '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';

const FIXES: [string, string][] = [
  ['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
  ['return navigator["hardwareConcurrency"]}', 'return navigator["hardwareConcurrency"]*2}'],
];

export function patchThreadedWasmModule(code: string): string {
  let out = code;
  for (const [from, to] of FIXES) {
    if (out.split(from).length !== 2) {
      throw new Error(`tfjsWasmThreads: expected "${from}" once in ${MODULE}; tfjs changed?`);
    }
    out = out.replace(from, to);
  }
  return out;
}

/** For Vite's worker bundles and its dependency pre-bundling (the dev server) alike. */
export function tfjsWasmThreads(): Plugin {
  return {
    name: 'tfjs-wasm-threads',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith(MODULE)) return null;
      return { code: patchThreadedWasmModule(code), map: null };
    },
  };
}
