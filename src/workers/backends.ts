// Picks and initialises the tfjs backend: the user's choice or auto (webgpu, webgl, wasm, cpu),
// skipping any that fails to start or fails the self-check against cpu, and saying why.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { checkProducts } from '../model/productCheck.ts';
import { checkRowLookups } from '../model/rowsCheck.ts';
import { checkShape, checkStepValues, compareCheckValues } from '../model/selfCheck.ts';
import type { CheckValues } from '../model/selfCheck.ts';
import type { CellKind } from '../model/kinds.ts';
import { initialise } from './initialiseBackend.ts';
import { registerOurKernels } from './ourKernels.ts';
import { BACKENDS, type BackendChoice, type BackendName, type SkippedBackend } from './protocol.ts';
import { probeBackend, type GpuProbe } from './gpuProbe.ts';
import {
  configureWasmThreads,
  defaultWasmThreads,
  restartWasm,
  wasmDetail,
} from './wasmThreads.ts';

// The .wasm binaries are bundled by Vite and served from the page's own origin: no CDN.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
registerOurKernels();
// One XNNPACK thread per core where the page is cross-origin isolated (our servers send the
// headers): `npm run bench -- --wasm-threads=1,2` measures what they bring. Starting them inside
// our module worker needs the build patch in scripts/vite/tfjsWasmThreads.ts.
const wasmThreads = configureWasmThreads(defaultWasmThreads());
// tfjs refuses software WebGL by default; we allow it and tell the user it is software.
tf.env().set('SOFTWARE_WEBGL_ENABLED', true);

export interface ChosenBackend {
  name: BackendName;
  software: boolean;
  detail: string;
  skipped: SkippedBackend[];
}

/** What the self-check trains: the cell about to train, with or without an embedding. */
export interface CheckSpec {
  cell: CellKind;
  embedding: boolean;
}

/**
 * Null when `name` started, its products match plain arithmetic and its training step matches
 * cpu's on `spec`; else the reason to skip it.
 */
async function tryBackend(name: BackendName, spec: CheckSpec): Promise<string | null> {
  const shape = checkShape(spec.cell, spec.embedding);
  await tf.setBackend('cpu');
  const reference: CheckValues = await checkStepValues(shape);
  if (name === 'cpu') return null;
  const failed = await initialise(name);
  if (failed !== null) return failed;
  try {
    const wrongProduct = await checkProducts();
    if (wrongProduct) return `its self-check found a wrong matrix product: ${wrongProduct}`;
    const wrongRows = await checkRowLookups();
    if (wrongRows) return `its self-check found a wrong row lookup: ${wrongRows}`;
    const mismatch = compareCheckValues(reference, await checkStepValues(shape));
    return mismatch ? `its self-check disagreed with cpu: ${mismatch}` : null;
  } catch (e) {
    return `its self-check failed (${e instanceof Error ? e.message : String(e)})`;
  }
}

/**
 * Auto tries every backend in order and skips software GPUs (wasm is several times faster than
 * SwiftShader). An explicit choice is honoured even when software, and falls back down the same
 * order if it cannot run.
 */
export async function chooseBackend(
  choice: BackendChoice,
  spec: CheckSpec,
  onTrying: (name: BackendName) => void,
): Promise<ChosenBackend> {
  const order = choice === 'auto' ? [...BACKENDS] : BACKENDS.slice(BACKENDS.indexOf(choice));
  const skipped: SkippedBackend[] = [];
  for (const name of order) {
    onTrying(name);
    const found = await probeBackend(name).catch((e: unknown): GpuProbe => ({
      unavailable: String(e),
      software: false,
      detail: '',
    }));
    if (found.unavailable) {
      skipped.push({ name, reason: found.unavailable });
      continue;
    }
    if (choice === 'auto' && found.software) {
      skipped.push({
        name,
        reason: `it is a software GPU (${found.detail}), slower than wasm here; choose it to use it`,
      });
      continue;
    }
    let reason = await tryBackend(name, spec);
    if (reason && name === 'wasm' && wasmThreads > 1) {
      // Threaded wasm is the newer path; if it fails, single-thread wasm is still far ahead of cpu.
      restartWasm(1);
      const single = await tryBackend(name, spec);
      reason = single && `with ${wasmThreads} threads ${reason}; with 1 thread ${single}`;
    }
    if (reason) {
      skipped.push({ name, reason });
      continue;
    }
    const detail = name === 'wasm' ? wasmDetail(getThreadsCount()) : found.detail;
    return { name, software: found.software, detail, skipped };
  }
  // cpu always passes its own check, so this is reached only if cpu itself failed.
  throw new Error(
    `No backend could run: ${skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')}`,
  );
}
