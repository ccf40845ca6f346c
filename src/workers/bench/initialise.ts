// tf.setBackend for the bench's two hosts (startBackend.ts in the worker, nodeHost.ts in Node).
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../protocol.ts';
import { fitKernelsToBackend } from '../ourKernels.ts';
import { errorMessage } from './figures.ts';

/** Makes `name` the active backend: null once it is ready, else why it is not. */
export async function initialise(name: BackendName): Promise<string | null> {
  try {
    if (!(await tf.setBackend(name))) return 'it failed to initialise';
    await tf.ready();
    fitKernelsToBackend();
    return null;
  } catch (e) {
    return `it failed to initialise (${errorMessage(e)})`;
  }
}
