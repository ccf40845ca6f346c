// WGSL for the fused point-wise kernel (src/model/pointwise/spec.ts): the body of tfjs-webgpu's
// `main(index)` for one PointwiseSpec at one H. Kept apart from the kernel so the code generation
// can be read (and unit-tested) without a GPU.
//
// One invocation per output (row b, unit j) computes every block k and writes
// out[b, k*H + j]: the blocks of a spec share sub-expressions (the LSTM's c_t reuses the i, f and
// g gates), and one thread per (b, j) lets common sub-expression elimination compute each once.
// On SwiftShader, where the "GPU" is the CPU, arithmetic saved is time saved.
import { INFIX, linearise, type Step } from '../../model/pointwise/linear.ts';
import type { PointwiseSpec } from '../../model/pointwise/spec.ts';

/** The generated code and what the kernel must bind for it. */
export interface PointwiseWgsl {
  /** The program's getUserCode(): helpers and `main`. */
  code: string;
  /** Spec inputs the code reads, ascending: only these are bound (see below). */
  used: number[];
}

/** The WGSL name of spec input n's storage buffer; tfjs derives `${name}Shape` uniforms from it. */
export const bufferName = (n: number): string => `x${n}`;

/** Its uniform: the flat index of element [rowOffset, colOffset], set per call. */
export const startName = (n: number): string => `start${n}`;

// Both helpers only ever call exp() on a non-positive argument, so it cannot overflow to inf
// (WGSL leaves overflow's result undefined, so 1/(1+exp(-x)) could give NaN, not 0, for x << 0).
// sigmoid(-|x|) is written e * sigmoid(|x|) rather than 1 - sigmoid(|x|): no cancellation near 0.
// tanh(|x|) = (1 - t) / (1 + t), t = exp(-2|x|), loses bits to cancellation as |x| -> 0, so below
// 0.25 an odd Taylor polynomial is used instead (its error there is < 1e-8, under f32's epsilon).
const HELPERS = `
fn pwSigmoid(x : f32) -> f32 {
  let e = exp(-abs(x));
  let s = 1.0 / (1.0 + e);
  return select(e * s, s, x >= 0.0);
}
fn pwTanh(x : f32) -> f32 {
  let a = abs(x);
  let t = exp(-2.0 * a);
  let x2 = a * a;
  let series = a * (1.0 + x2 * (-1.0 / 3.0 + x2 * (2.0 / 15.0 + x2 * (-17.0 / 315.0
      + x2 * (62.0 / 2835.0)))));
  return sign(x) * select((1.0 - t) / (1.0 + t), series, a < 0.25);
}
`;

/** A WGSL f32 literal: `1` alone would be an integer, and a negative needs no unary minus. */
function literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`pointwise constant ${value} is not finite`);
  const text = Object.is(value, -0) ? '-0' : String(value);
  return `f32(${/[.e]/.test(text) ? text : `${text}.0`})`;
}

/** A step's WGSL right-hand side; `names` holds the earlier steps' bindings. */
function stepCode(step: Step, names: readonly string[], hidden: number): string {
  switch (step.op) {
    case 'read': {
      // H is baked in; the start (row and column offset) and width come from uniforms.
      const x = bufferName(step.input);
      const index = `uniforms.${startName(step.input)} + row * uniforms.${x}Shape.y + ${step.block * hidden} + unit`;
      return `f32(${x}[${index}])`;
    }
    case 'scalar':
      return `f32(${bufferName(step.input)}[uniforms.${startName(step.input)}])`;
    case 'const':
      return literal(step.value);
    case 'sigmoid':
    case 'tanh':
    case 'sqrt':
      return `${{ sigmoid: 'pwSigmoid', tanh: 'pwTanh', sqrt: 'sqrt' }[step.op]}(${names[step.a]})`;
    case 'add':
    case 'sub':
    case 'mul':
    case 'div':
      return `${names[step.a]} ${INFIX[step.op]} ${names[step.b]}`;
  }
}

/** The program for `spec` at hidden size `hidden`; depends on nothing else. */
export function emitPointwise(spec: PointwiseSpec, hidden: number): PointwiseWgsl {
  const program = linearise(spec);
  const names = program.steps.map((_, i) => `v${i}`);
  const lines = program.steps.map((step, i) => `  let v${i} = ${stepCode(step, names, hidden)};`);
  const width = spec.blocks.length * hidden;
  const stores = program.results.map(
    (r, k) => `  setOutputAtIndex(row * ${width} + ${k * hidden} + unit, v${r});`,
  );
  // `main(index)` is tfjs's header (getMainHeaderString('index')): the flat invocation index, also
  // correct when tfjs reshapes a large dispatch into 2-D or 3-D. uniforms.outShape.x is B.
  const code = `${HELPERS}
fn main(index : i32) {
  if (index >= uniforms.outShape.x * ${hidden}) {
    return;
  }
  let row = index / ${hidden};
  let unit = index - row * ${hidden};
${lines.join('\n')}
${stores.join('\n')}
}
`;
  return { code, used: program.inputsRead };
}
