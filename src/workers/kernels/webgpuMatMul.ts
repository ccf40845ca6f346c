// Our matrix product (src/model/matMul.ts's kernel) on tfjs's webgpu backend, for software
// adapters only: there (SwiftShader) it is 3-6x tfjs's product (webgpuMatMulWgsl.ts says why). On
// a real GPU tfjs's tiled product is the one built for it, and ours has not been measured on one,
// so there the kernel is not registered and the model calls tf.matMul (ourKernels.ts).
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { productSizes, type MatMulAttrs } from '../../model/matMul.ts';
import { webgpuBackend } from './webgpuBackend.ts';
import {
  canUseVec4,
  emitProduct,
  productKey,
  tileRows,
  WORKGROUP,
  type ProductVariant,
} from './webgpuMatMulWgsl.ts';

// Emitted once per variant (at most 2 x 2 x 2 x 2 x 3 of them); tfjs caches the pipelines.
const codes = new Map<string, string>();

function program(variant: ProductVariant, m: number, n: number): WebGPUProgram {
  const key = productKey(variant);
  let code = codes.get(key);
  if (code === undefined) codes.set(key, (code = emitProduct(variant)));
  const components = variant.vec4 ? 4 : 1;
  const inputs = variant.bias ? ['A', 'B', 'bias'] : ['A', 'B'];
  return {
    outputShape: [m, n],
    shaderKey: key,
    variableNames: inputs,
    variableComponents: inputs.map(() => components),
    outputComponent: components,
    // Not the flat layout: main() reads globalId, x over columns of 4, y over tiles of rows.
    dispatchLayout: { x: [1], y: [0] },
    dispatch: [Math.ceil(n / 4 / WORKGROUP[0]), Math.ceil(m / variant.rows / WORKGROUP[1]), 1],
    workgroupSize: WORKGROUP,
    getUserCode: () => code,
  };
}

/** The kernel (registered by ourKernels.ts's fitKernelsToBackend on software adapters). */
export const matMulWebgpu: KernelFunc = ({ inputs, attrs, backend }) => {
  const { transposeA, transposeB } = attrs as unknown as MatMulAttrs;
  const { a, b, bias } = inputs as { a: TensorInfo; b: TensorInfo; bias?: TensorInfo };
  const { m, k, n } = productSizes(a, b, bias, { transposeA, transposeB });
  const variant: ProductVariant = {
    transposeA,
    transposeB,
    bias: bias !== undefined,
    vec4: canUseVec4(k, n, transposeA, transposeB),
    rows: tileRows(m),
  };
  const run = program(variant, m, n);
  const bound = bias ? [a, b, bias] : [a, b];
  return webgpuBackend(backend).runWebGPUProgram(run, bound, 'float32');
};
