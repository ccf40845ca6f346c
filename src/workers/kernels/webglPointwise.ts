// The fused point-wise kernel (src/model/pointwise/spec.ts) on tfjs's webgl backend: one packed
// GLSL program per spec, H and output shape (webglPointwiseGlsl.ts), run by the backend's
// compileAndRun, which compiles it once and caches it by userCode and input shapes. The offsets
// travel as uniforms, so the program compiled at the first timestep serves every later one.
import { registerKernel, type KernelFunc } from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import {
  inputName,
  kernelInputs,
  perSpecCache,
  POINTWISE_KERNEL,
  type PointwiseAttrs,
} from '../../model/pointwise/spec.ts';
import { OFFSETS_UNIFORM, pointwiseUserCode } from './webglPointwiseGlsl.ts';

class CharRnnPointwiseProgram implements GPGPUProgram {
  readonly variableNames: string[];
  readonly outputShape: number[];
  readonly userCode: string;
  // Packed in and out, like matMul's output and the backend's other element-wise ops: no
  // pack/unpack kernels around ours.
  readonly packedInputs = true;
  readonly packedOutput = true;
  readonly customUniforms: NonNullable<GPGPUProgram['customUniforms']>;

  constructor(names: string[], outputShape: [number, number], userCode: string) {
    this.variableNames = names;
    this.outputShape = outputShape;
    this.userCode = userCode;
    this.customUniforms = [{ name: OFFSETS_UNIFORM, arrayIndex: names.length, type: 'ivec2' }];
  }
}

// Generating the GLSL is a few string joins per call; cached anyway since a step calls each spec
// once per timestep with the same H and rows.
const userCodes = perSpecCache<string>();

function userCodeFor(attrs: PointwiseAttrs, names: string[], parities: number[] | null): string {
  const { spec, hidden, rows } = attrs;
  const key = `${hidden}x${rows}:${parities?.join('') ?? 'general'}`;
  return userCodes(spec, key, () => pointwiseUserCode(spec, names, hidden, rows, parities));
}

const pointwiseWebgl: KernelFunc = ({ inputs, attrs: rawAttrs, backend }) => {
  const attrs = rawAttrs as unknown as PointwiseAttrs;
  const webgl = backend as MathBackendWebGL;
  const { spec, hidden, rows, rowOffsets, colOffsets } = attrs;
  const names = spec.inputs.map((_, n) => inputName(n));
  const infos = kernelInputs(inputs, attrs);
  // With H even, the vec4 path for these offsets' parities (see webglPointwiseGlsl.ts).
  const parities =
    hidden % 2 === 0 ? names.map((_, n) => 2 * (rowOffsets[n]! % 2) + (colOffsets[n]! % 2)) : null;
  const program = new CharRnnPointwiseProgram(
    names,
    [rows, spec.blocks.length * hidden],
    userCodeFor(attrs, names, parities),
  );
  const offsets = names.flatMap((_, n) => [rowOffsets[n]!, colOffsets[n]!]);
  return webgl.compileAndRun(program, infos, 'float32', [offsets]);
};

/** Registers the kernel for 'webgl' (the cells then take their fused path there). */
export function registerWebglPointwise(): void {
  registerKernel({
    kernelName: POINTWISE_KERNEL,
    backendName: 'webgl',
    kernelFunc: pointwiseWebgl,
  });
}
