// Vitest setup: unit tests run on tfjs's plain-JS cpu backend in Node.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// Autodiff gradients, used only by tests that cross-check the hand-written backprop.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { registerCpuKernels } from './cpuKernels.ts';

// IS_TEST silences tfjs's advice to install tfjs-node, printed once per test file.
tf.env().set('IS_TEST', true);
await tf.setBackend('cpu');
// The cpu kernels the app registers (product, loss, row lookups): the tests check that path.
registerCpuKernels();
