// What our cpu kernels (cpuMatMul.ts, cpuLoss.ts, cpuRows.ts, pointwise/cpuKernel.ts) use of
// tfjs's cpu backend: read an input's values, wrap an output's.
import type { DataType, TensorInfo } from '@tensorflow/tfjs-core';

/** The two methods of MathBackendCPU used (public in its typings). */
export interface CpuBackend {
  readSync(dataId: object): unknown;
  makeTensorInfo(shape: number[], dtype: DataType, values: Float32Array): TensorInfo;
}

/** A kernel's `backend` argument, which on 'cpu' is a MathBackendCPU. */
export const cpuBackend = (backend: unknown) => backend as CpuBackend;
