// tf.setBackend as every caller needs it: the app's backend choice (backends.ts) and the bench's two
// hosts (bench/startBackend.ts in the worker, bench/nodeHost.ts in Node). Once a backend is ready,
// the kernels that depend on what it runs on are fitted to it (ourKernels.ts).
import * as tf from '@tensorflow/tfjs-core';
import { fitKernelsToBackend } from './ourKernels.ts';
import type { BackendName } from './protocol.ts';

/** Makes `name` the active backend: null once it is ready, else why it is not. */
export async function initialise(name: BackendName): Promise<string | null> {
  try {
    if (!(await tf.setBackend(name))) return 'it failed to initialise';
    await tf.ready();
    fitKernelsToBackend();
    return null;
  } catch (e) {
    return `it failed to initialise (${e instanceof Error ? e.message : String(e)})`;
  }
}
