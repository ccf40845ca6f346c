// The fused point-wise kernel (src/model/pointwise/spec.ts) on tfjs's webgpu backend: one WGSL
// program per spec and H (see webgpuPointwiseWgsl.ts), run by the backend's own
// runWebGPUProgram, so it shares tfjs's pipeline cache, buffer pool and batched command encoder.
// The row and column offsets are uniforms: the forward and backward loops move their row offset
// every timestep, and a baked-in offset would compile a pipeline per step.
import { registerKernel, type KernelFunc } from '@tensorflow/tfjs-core';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import {
  kernelInputs,
  perSpecCache,
  POINTWISE_KERNEL,
  startIndex,
  type PointwiseAttrs,
  type PointwiseSpec,
} from '../../model/pointwise/spec.ts';
import { flatDispatch, webgpuBackend, type ProgramUniforms } from './webgpuBackend.ts';
import { bufferName, emitPointwise, startName, type PointwiseWgsl } from './webgpuPointwiseWgsl.ts';

/** A spec's code at one H, with a key naming that exact code. */
interface Compiled extends PointwiseWgsl {
  key: string;
}

// Generated once per (spec, H): the cells call the kernel several times per timestep, and
// emitting WGSL is string work we need not repeat.
const programs = perSpecCache<Compiled>();
// Every distinct program text gets its own number in the shader key: two specs sharing a name
// (or one name at two H) can never share a pipeline, and identical texts may.
const textIds = new Map<string, number>();

function compile(spec: PointwiseSpec, hidden: number): Compiled {
  return programs(spec, String(hidden), () => {
    const wgsl = emitPointwise(spec, hidden);
    let id = textIds.get(wgsl.code);
    if (id === undefined) textIds.set(wgsl.code, (id = textIds.size));
    const safeName = spec.name.replace(/[^A-Za-z0-9_]/g, '_');
    return { ...wgsl, key: `charRnnPointwise_${safeName}_H${hidden}_${id}` };
  });
}

/**
 * What runWebGPUProgram needs. A fresh object per call, as tfjs's own programs are: the backend
 * writes the full shader key (ours plus input ranks, dtypes, dispatch shape) and the pipeline into
 * it. tfjs's makeShader declares `${name}Shape` uniforms for every variable and reads `size`,
 * `uniforms` and `dispatchLayout` from here; the flat layout over the output only tells tfjs the
 * dispatch is 1-D, so it may fold an oversized one into 2-D or 3-D (main gets a flat index).
 */
function program(code: Compiled, rows: number, hidden: number, blocks: number): WebGPUProgram {
  return {
    outputShape: [rows, blocks * hidden],
    shaderKey: code.key,
    variableNames: code.used.map(bufferName),
    uniforms: code.used.map((n) => `${startName(n)} : i32,`).join(' '),
    dispatchLayout: { x: [0, 1] },
    // One invocation per (row, unit), each writing every block: B*H, not the output's size.
    ...flatDispatch(rows * hidden),
    getUserCode: () => code.code,
  };
}

const pointwiseWebgpu: KernelFunc = ({ inputs, attrs: rawAttrs, backend }) => {
  const attrs = rawAttrs as unknown as PointwiseAttrs;
  const webgpu = webgpuBackend(backend);
  const { spec, hidden, rows } = attrs;
  const infos = kernelInputs(inputs, attrs);
  const code = compile(spec, hidden);
  // Only the inputs the code reads are bound: with the pipeline layout 'auto' that tfjs uses, a
  // buffer no statement touches has no binding slot, and binding it anyway is a validation error
  // (the GRU's carry kernel, for one, takes inputs it does not read).
  const bound = code.used.map((n) => infos[n]!);
  const starts: ProgramUniforms = code.used.map((n) => ({
    type: 'int32',
    data: [startIndex(attrs, n, infos[n]!.shape[1]!)],
  }));
  const run = program(code, rows, hidden, spec.blocks.length);
  return webgpu.runWebGPUProgram(run, bound, 'float32', starts);
};

/** Registers the kernel for 'webgpu' (the cells then take their fused path there). */
export function registerWebgpuPointwise(): void {
  registerKernel({
    kernelName: POINTWISE_KERNEL,
    backendName: 'webgpu',
    kernelFunc: pointwiseWebgpu,
  });
}
