// GLSL for the fused point-wise kernel (src/model/pointwise/spec.ts) on tfjs's webgl backend: a
// packed program (inputs and output 2x2 texels), because matMul writes packed textures and an
// unpacked program would add a pack or unpack kernel around every call, defeating the fusion.
//
// Packed texel layout (tfjs-backend-webgl 4.22, shader_compiler.js getChannel and
// getOutputPacked2DCoords): the texel whose top-left element is (r, c), r and c even, holds
// rgba = [r, c], [r, c+1], [r+1, c], [r+1, c+1]; getX(row, col) returns the texel holding (row, col)
// whatever their parity. The program has one of two paths, baked in:
// - vec4 (H even): an output texel's 2 columns are in one block, so each read is one vec4 lined
//   up with the output texel (1 fetch with even offsets, e.g. B=32; 2 or 4 with odd ones) and the
//   maths runs on vec4;
// - general (H odd): each of the 4 outputs on its own, each read fetching the texel that holds it
//   and picking the channel by parity.
// The vec4 path bakes in each offset's parity, so with B odd (row offsets t*B) timesteps alternate
// between 2 programs. Not one program with a uniform choosing: SwiftShader pays for both sides of
// a branch (5.4 ms a call for LSTM's gates at B=32, H=128 against 1.3 ms for one path alone).
// The offsets themselves are uniforms: each program compiles once and serves every timestep.
import { INFIX, linearise, type Step } from '../../model/pointwise/linear.ts';
import type { PointwiseSpec } from '../../model/pointwise/spec.ts';

/** The custom uniform: ivec2[inputs], the (row, column) offset of input n. */
export const OFFSETS_UNIFORM = 'pwOffsets';

/** The sampler tfjs generates for variable `x3` is getX3(row, col) (packed: a vec4 texel). */
const sampler = (name: string): string => `get${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** A GLSL float literal: always a '.' or an exponent; only finite values. */
function literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`pointwise: constant ${value} has no GLSL literal`);
  const s = String(value); // the GLSL compiler rounds it to float32, as Float32Array would
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/**
 * Straight-line GLSL computing every block into temporaries of `type`, each distinct
 * subexpression once across all blocks (linear.ts), and the temporary holding each block. A read
 * depends on the unit j but not on the output's block k, so all blocks are computed and one is
 * selected: SwiftShader runs every side of a branch (a branch per block cost 4x the fetches of
 * LSTM's gates), and shared terms (sigmoid(zx_f + hu_f) in both f and c_t, GRU's candidate) are
 * done once.
 */
function emitBlocks(
  spec: PointwiseSpec,
  type: 'float' | 'vec4',
  read: (input: number, block: number) => string,
): { body: string; results: string[] } {
  // A scalar is the element at the input's offsets, splatted in the vec4 path.
  const readScalar = (n: number) =>
    type === 'vec4' ? `vec4(pw_read${n}(0, 0))` : `pw_read${n}(0, 0)`;
  const { steps, results } = linearise(spec);
  const lines: string[] = [];
  const names: string[] = []; // per step: its temporary, or a constant's literal
  steps.forEach((step, i) => {
    // A constant is folded into its user, typed so that it can be an activation's argument.
    if (step.op === 'const') {
      names.push(`${type}(${literal(step.value)})`);
      return;
    }
    lines.push(`${type} t${i} = ${stepCode(step, names, read, readScalar)};`);
    names.push(`t${i}`);
  });
  return { body: lines.join('\n    '), results: results.map((r) => names[r]!) };
}

/** A non-constant step's GLSL; `names` holds the earlier steps' values. */
function stepCode(
  step: Step,
  names: readonly string[],
  read: (input: number, block: number) => string,
  readScalar: (input: number) => string,
): string {
  switch (step.op) {
    case 'read':
      return read(step.input, step.block);
    case 'scalar':
      return readScalar(step.input);
    case 'sigmoid':
    case 'tanh':
      return `pw_${step.op}(${names[step.a]})`;
    case 'sqrt':
      return `sqrt(${names[step.a]})`;
    case 'add':
    case 'sub':
    case 'mul':
    case 'div':
      return `${names[step.a]} ${INFIX[step.op]} ${names[step.b]}`;
    case 'const':
      throw new Error('constants are folded into their users');
  }
}

/**
 * pw_read<n>(r, c) for each input in `inputs`: the element [r, c] past input n's offsets, from the
 * texel holding it, by the parity of its row and column (tfjs's getChannel).
 */
function elementReaders(names: readonly string[], inputs: readonly number[]): string {
  return inputs
    .map(
      (n) => `
  float pw_read${n}(int r, int c) {
    ivec2 at = ivec2(r, c) + ${OFFSETS_UNIFORM}[${n}];
    return getChannel(${sampler(names[n]!)}(at.x, at.y), vec2(at));
  }`,
    )
    .join('');
}

/** `k == 0 ? r0 : k == 1 ? r1 : ... : rLast`: a select, no branch. */
const select = (results: readonly string[]): string =>
  results.reduceRight((rest, r, k) => `k == ${k} ? ${r} : (${rest})`);

// exp(-|x|) never overflows: sigmoid is 1/(1+e) or e/(1+e), tanh (1-e)/(1+e) with e = exp(-2|x|)
// and its sign; below |x| = 0.1 tanh's Taylor series keeps relative precision (1-e cancels there).
// The vec4 versions select with step/mix (no bvec mix in WebGL 1's GLSL), so both sides must be
// finite: mix(a, b, 1) is a * 0 + b, NaN if a is infinite.
const ACTIVATIONS = `
  float pw_sigmoid(float x) {
    float e = exp(-abs(x));
    float s = 1.0 / (1.0 + e);
    return x >= 0.0 ? s : e * s;
  }
  vec4 pw_sigmoid(vec4 x) {
    vec4 e = exp(-abs(x));
    vec4 s = 1.0 / (1.0 + e);
    return mix(e * s, s, step(0.0, x));
  }
  float pw_tanh(float x) {
    float a = abs(x);
    if (a < 0.1) {
      float x2 = x * x;
      return x * (1.0 + x2 * (-1.0 / 3.0 + x2 * (2.0 / 15.0 - x2 * (17.0 / 315.0))));
    }
    float e = exp(-2.0 * a);
    return sign(x) * (1.0 - e) / (1.0 + e);
  }
  vec4 pw_tanh(vec4 x) {
    vec4 a = abs(x);
    vec4 xs = clamp(x, -0.1, 0.1); // x where the series is used; finite elsewhere (mix needs it)
    vec4 x2 = xs * xs;
    vec4 series = xs * (1.0 + x2 * (-1.0 / 3.0 + x2 * (2.0 / 15.0 - x2 * (17.0 / 315.0))));
    vec4 e = exp(-2.0 * a);
    return mix(sign(x) * (1.0 - e) / (1.0 + e), series, step(a, vec4(0.1)));
  }
`;

/**
 * Input n's texel-aligned vec4 at output texel (r, c) (r, c and j even, H even), given the parity
 * of its offsets, 2 * (row odd) + (column odd): element [R, C] is channel (R%2, C%2) of the texel
 * holding it, so an odd offset takes the halves of 2 texels (4 for both odd) instead of 1.
 */
function vecRead(name: string, n: number, parity: number, column: string): string {
  const at = (dr: number, dc: number): string =>
    `${sampler(name)}(r + ${dr} + ${OFFSETS_UNIFORM}[${n}].x, ${OFFSETS_UNIFORM}[${n}].y + ${column} + ${dc})`;
  if (parity === 0) return at(0, 0);
  if (parity === 1) return `pw_oddColumn(${at(0, 0)}, ${at(0, 1)})`;
  if (parity === 2) return `pw_oddRow(${at(0, 0)}, ${at(1, 0)})`;
  return `vec4(${at(0, 0)}.w, ${at(0, 1)}.z, ${at(1, 0)}.y, ${at(1, 1)}.x)`;
}

/**
 * The program's userCode, which is also its cache key in tfjs (with the input shapes): spec, H,
 * output shape and path are baked in, the offsets are the uniform ivec2 array OFFSETS_UNIFORM.
 * `parities` (H even only) takes the vec4 path, for offsets of those parities (see vecRead); null
 * the general one.
 */
export function pointwiseUserCode(
  spec: PointwiseSpec,
  names: readonly string[],
  hidden: number,
  rows: number,
  parities: readonly number[] | null,
): string {
  const H = hidden;
  const width = spec.blocks.length * H;
  const path = parities ? `vec4, offset parities ${parities.join('')}` : 'general';
  const header = `// CharRnnPointwise ${spec.name}, H ${H}, output [${rows}, ${width}], ${path}`;
  if (parities) {
    if (H % 2 !== 0) throw new Error(`${spec.name}: the vec4 path needs an even H, not ${H}`);
    // (r, c) is the output texel's top-left; with H even its 2 columns are in one block.
    const read = (n: number, block: number): string =>
      vecRead(names[n]!, n, parities[n]!, `${block * H} + j`);
    const { body, results } = emitBlocks(spec, 'vec4', read);
    return `
  ${header}
  ${ACTIVATIONS}
  ${elementReaders(names, linearise(spec).scalarInputs)}
  vec4 pw_oddColumn(vec4 a, vec4 b) { return vec4(a.y, b.x, a.w, b.z); }
  vec4 pw_oddRow(vec4 a, vec4 b) { return vec4(a.zw, b.xy); }
  void main() {
    ivec2 rc = getOutputCoords();
    int r = rc.x;
    int k = rc.y / ${H};
    int j = rc.y - k * ${H};
    ${body}
    vec4 v = ${select(results)};
    // With B odd the texel's second row is past the output: 0 there, as tfjs's own programs do.
    setOutput(r + 1 < ${rows} ? v : vec4(v.xy, 0.0, 0.0));
  }
`;
  }
  // General path: element (r, c) of the output, c = k*H + j, each read fetching the texel that
  // holds its element and picking the channel by the parity of row and column.
  const read = (n: number, block: number): string => `pw_read${n}(r, ${block * H} + j)`;
  const { body, results } = emitBlocks(spec, 'float', read);
  return `
  ${header}
  ${ACTIVATIONS}
  ${elementReaders(
    names,
    names.map((_, n) => n),
  )}
  float pw_value(int r, int c) {
    int k = c / ${H};
    int j = c - k * ${H};
    ${body}
    return ${select(results)};
  }
  void main() {
    ivec2 rc = getOutputCoords();
    // The 4 outputs on their own (with H odd their columns may be in different blocks); those
    // past the output's last row or column are 0.
    bool down = rc.x + 1 < ${rows};
    bool right = rc.y + 1 < ${width};
    vec4 v = vec4(pw_value(rc.x, rc.y), 0.0, 0.0, 0.0);
    if (right) v.y = pw_value(rc.x, rc.y + 1);
    if (down) v.z = pw_value(rc.x + 1, rc.y);
    if (down && right) v.w = pw_value(rc.x + 1, rc.y + 1);
    setOutput(v);
  }
`;
}
