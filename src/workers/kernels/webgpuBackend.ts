// What our WebGPU kernels (webgpuPointwise.ts, webgpuMatMul.ts, webgpuJoinRows.ts, webgpuLoss.ts)
// use of tfjs's WebGPUBackend, and the flat dispatch most of them share.
import type { DataType, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

/** runWebGPUProgram's extra uniforms, appended after tfjs's own (NaN, shapes, strides). */
export type ProgramUniforms = { type: 'int32'; data: number[] }[];

/** The parts of WebGPUBackend used (public in its typings). */
export interface WebgpuBackend {
  runWebGPUProgram(
    program: WebGPUProgram,
    inputs: TensorInfo[],
    outputDtype: DataType,
    programDefinedUniform?: ProgramUniforms,
  ): TensorInfo;
  disposeData(dataId: object): boolean;
  device: { limits: { maxStorageBuffersPerShaderStage: number } };
}

/** A kernel's `backend` argument, which on 'webgpu' is a WebGPUBackend. */
export const webgpuBackend = (backend: unknown) => backend as WebgpuBackend;

/** Invocations per workgroup of a flat dispatch. */
const FLAT_WORKGROUP = 64;

/** A 1-D dispatch of at least `invocations` invocations (main gets the flat index). */
export function flatDispatch(
  invocations: number,
): Pick<WebGPUProgram, 'dispatch' | 'workgroupSize'> {
  return {
    dispatch: [Math.ceil(invocations / FLAT_WORKGROUP), 1, 1],
    workgroupSize: [FLAT_WORKGROUP, 1, 1],
  };
}
