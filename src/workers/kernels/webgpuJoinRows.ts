// Joining T per-timestep [B, D] tensors into one [T*B, D] (src/model/cells/steps.ts's joinSteps)
// on tfjs's webgpu backend, for software adapters only, beside our product (webgpuMatMul.ts). In
// Node on Dawn's SwiftShader tfjs's Concat took 214 ms for 50 x [32, 512] (and 377 of a 1,247 ms
// 1x128 LSTM step): it walks an if-else chain over every input's offset, per element, through
// index arithmetic. Here each invocation copies four floats from the one input that holds them.
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { joinParts } from '../../model/cells/steps.ts';
import { flatDispatch, webgpuBackend, type WebgpuBackend } from './webgpuBackend.ts';

/**
 * One program joining `count` parts of any row counts: `end${i}` is where part i ends in the
 * output, counted in elements of `width` floats (4, a vec4, when every part's size allows).
 */
function joinProgram(count: number, width: 1 | 4, rows: number, cols: number): WebGPUProgram {
  const names = Array.from({ length: count }, (_, i) => `x${i}`);
  const reads = names.map((x, i) => {
    const test = i === count - 1 ? '' : `if (index < uniforms.end${i}) `;
    const start = i === 0 ? '' : ` - uniforms.end${i - 1}`;
    return `${i === 0 ? '' : 'else '}${test}{ result[index] = ${x}[index${start}]; }`;
  });
  const code = `
fn main(index : i32) {
  if (index >= uniforms.end${count - 1}) {
    return;
  }
  ${reads.join('\n  ')}
}
`;
  return {
    outputShape: [rows, cols],
    shaderKey: `charRnnJoinRows_${count}_${width}`,
    variableNames: names,
    variableComponents: names.map(() => width),
    outputComponent: width,
    uniforms: names.map((_, i) => `end${i} : i32,`).join(' '),
    dispatchLayout: { x: [0, 1] },
    ...flatDispatch((rows * cols) / width),
    getUserCode: () => code,
  };
}

/** Joins up to one program's worth of parts, [r_i, D] -> [sum r_i, D]. */
function joinGroup(parts: TensorInfo[], backend: WebgpuBackend): TensorInfo {
  const cols = parts[0]!.shape[1]!;
  const sizes = parts.map((t) => t.shape[0]! * cols);
  const width = sizes.every((n) => n % 4 === 0) ? 4 : 1;
  const ends: number[] = [];
  sizes.reduce((end, n) => (ends.push((end + n) / width), end + n), 0);
  const rows = parts.reduce((r, t) => r + t.shape[0]!, 0);
  const program = joinProgram(parts.length, width, rows, cols);
  const uniforms = ends.map((end) => ({ type: 'int32' as const, data: [end] }));
  return backend.runWebGPUProgram(program, parts, 'float32', uniforms);
}

/**
 * Joins `parts` in groups as large as one program may bind, then joins the groups: 50 parts with
 * 7 bindings free are three rounds. Intermediates are freed once joined.
 */
function joinAll(parts: TensorInfo[], backend: WebgpuBackend): TensorInfo {
  const group = Math.max(2, backend.device.limits.maxStorageBuffersPerShaderStage - 1);
  if (parts.length <= group) return joinGroup(parts, backend);
  const joined: TensorInfo[] = [];
  for (let i = 0; i < parts.length; i += group) {
    joined.push(joinGroup(parts.slice(i, i + group), backend));
  }
  const result = joinAll(joined, backend);
  for (const t of joined) backend.disposeData(t.dataId);
  return result;
}

/** The kernel: inputs x0 .. x{T-1}, each [r, D] float32, joined along rows. */
export const joinRowsWebgpu: KernelFunc = ({ inputs, backend }) => {
  const parts = joinParts(inputs);
  return joinAll(parts, webgpuBackend(backend));
};
