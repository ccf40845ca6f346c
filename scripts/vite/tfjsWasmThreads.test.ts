import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { patchThreadedWasmModule } from './tfjsWasmThreads.ts';

const source = readFileSync(
  createRequire(import.meta.url).resolve(
    '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js',
  ),
  'utf8',
);

/** The factory whose source tfjs hands each pthread: from `function(` to the end of the file. */
const factoryOf = (code: string) => code.slice(code.indexOf('function(WasmBackendModule'));

describe('the threaded wasm module patch', () => {
  it('leaves the factory no closure variable that a pthread would evaluate', () => {
    const factory = factoryOf(patchThreadedWasmModule(source));
    // The one reference left is `mainScriptUrlOrBlob || _scriptDir`, on the main thread only,
    // where tfjs always sets mainScriptUrlOrBlob.
    expect(factory.match(/_scriptDir/g)).toEqual(['_scriptDir']);
    expect(factory).toContain('Module["mainScriptUrlOrBlob"]||_scriptDir');
  });

  it('counts every logical core, so setThreadsCount(2) gives 2 threads on 2 cores', () => {
    expect(patchThreadedWasmModule(source)).toContain('navigator["hardwareConcurrency"]*2');
  });

  it('fails loudly when the module it patches has changed', () => {
    expect(() => patchThreadedWasmModule('var WasmBackendModuleThreadedSimd = 1;')).toThrow(
      /tfjs changed/,
    );
  });
});
