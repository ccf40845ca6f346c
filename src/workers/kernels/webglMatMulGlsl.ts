// The GLSL of our product on software WebGL (webglMatMul.ts runs it). SwiftShader runs a fragment
// shader's texture reads as calls into a sampling routine, so a product there is bound by reads,
// not multiply-adds. tfjs's packed product reads one 2x2 texel of a and one of b for 8
// multiply-adds, writing one texel per fragment. Ours writes a block of texels per fragment, one
// per render target (a fragment shader can write up to 8): with 4 x 2 texels (8 x 4 values) it
// reads 6 texels per 64 multiply-adds instead of 16. Measured in headless Chromium (SwiftShader),
// the shader alone: 11-13 GFLOP/s where tfjs's product does 4.1-5.1, at 256³ and at the step's
// shapes (9 against 3.5 with a 4,096-long k). Reads go
// through texture() at texel centres, which SwiftShader runs faster than texelFetch here (5.3
// against 3.4 GFLOP/s for the same 2x2 program).
//
// Operands are tfjs packed textures: the texel at (column j, row i) of an [R, C] tensor holds
// [2i, 2j], [2i, 2j+1], [2i+1, 2j], [2i+1, 2j+1] as x, y, z, w.

/** Texels per fragment: rows x cols of output texels, one render target each. */
export interface ProductBlock {
  rows: number;
  cols: number;
}

/** One product's shape and layout; every value is baked into its shader as a constant. */
export interface WebglProductVariant {
  transposeA: boolean;
  transposeB: boolean;
  /** The product is [m, k] x [k, n]. */
  m: number;
  k: number;
  n: number;
  block: ProductBlock;
}

/** Texel steps along k per loop iteration: 4 measured fastest (2: -15%, 8: -12%, 16: -25%). */
export const UNROLL = 4;

/**
 * The block per fragment: 4 x 2 texels where 8 targets can be drawn (a single-row product, m <= 2,
 * takes 1 x 4 so no work is wasted on missing rows); 2 x 2 where only WebGL 2's minimum of 4 can.
 */
export function productBlock(m: number, maxDrawBuffers: number): ProductBlock {
  const targets = Math.min(8, maxDrawBuffers);
  if (m <= 2) return { rows: 1, cols: Math.min(4, targets) };
  return targets >= 8 ? { rows: 4, cols: 2 } : { rows: 2, cols: 2 };
}

const texels = (values: number) => Math.ceil(values / 2);

/** The fragment grid: [width, height] in fragments, each writing one block. */
export function productGrid(v: WebglProductVariant): [number, number] {
  return [Math.ceil(texels(v.n) / v.block.cols), Math.ceil(texels(v.m) / v.block.rows)];
}

/** [width, height] of a packed [rows, cols] tensor's texture, in texels. */
export function packedTextureSize(rows: number, cols: number): [number, number] {
  return [texels(cols), texels(rows)];
}

/** A cache key naming one shader. */
export function webglProductKey(v: WebglProductVariant, bias: boolean): string {
  const { transposeA, transposeB, m, k, n, block } = v;
  return `${+transposeA}${+transposeB}${+bias}:${m}x${k}x${n}:${block.rows}x${block.cols}`;
}

export const PRODUCT_VERTEX_SHADER = `#version 300 es
in vec2 position;
void main() { gl_Position = vec4(position, 0.0, 1.0); }`;

const glslFloat = (x: number) => (Number.isInteger(x) ? `${x}.0` : `${x}`);

/**
 * The fragment shader: fragment (x, y) of the grid (width w, height h, productGrid) writes output
 * texel (x + c*w, y + r*h) to target r*cols + c, so each target holds one rectangle of the output
 * and a plain copy (a framebuffer blit) puts it in place. The k texels run in steps of UNROLL,
 * then one at a time; for an odd k the last texel's second half is padding, so only its first half
 * is multiplied (the second term of every swizzle pair is the k+1 half, transposed or not). A bias
 * ([1, n], packed) is added as written; the padding half of an odd m's last texel row or an odd n's
 * last texel column is written as zeros.
 */
export function productShader(v: WebglProductVariant, bias: boolean): string {
  const { rows, cols } = v.block;
  const [w, h] = productGrid(v);
  const [aw, ah] = v.transposeA ? packedTextureSize(v.k, v.m) : packedTextureSize(v.m, v.k);
  const [bw, bh] = v.transposeB ? packedTextureSize(v.n, v.k) : packedTextureSize(v.k, v.n);
  // a's 2x2 texel as (rows i, i+1) x (k, k+1): its k column repeated per row, then its k+1 column.
  const aSwizzle = v.transposeA ? ['xxyy', 'zzww'] : ['xxzz', 'yyww'];
  // b's as (k, k+1) x (columns j, j+1): its k row repeated, then its k+1 row.
  const bSwizzle = v.transposeB ? ['xzxz', 'ywyw'] : ['xyxy', 'zwzw'];
  const aAt = (kt: string, r: number) =>
    v.transposeA ? `vec2(row${r}, ${kt})` : `vec2(${kt}, row${r})`;
  const bAt = (kt: string, c: number) =>
    v.transposeB ? `vec2(${kt}, col${c})` : `vec2(col${c}, ${kt})`;
  const step = (kt: string, bothHalves: boolean) => {
    const lines = ['{'];
    for (let r = 0; r < rows; r++) lines.push(`  vec4 a${r} = readA(${aAt(kt, r)});`);
    for (let c = 0; c < cols; c++) lines.push(`  vec4 b${c} = readB(${bAt(kt, c)});`);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const first = `a${r}.${aSwizzle[0]} * b${c}.${bSwizzle[0]}`;
        const second = `a${r}.${aSwizzle[1]} * b${c}.${bSwizzle[1]}`;
        lines.push(`  acc${r}_${c} += ${bothHalves ? `${first} + ${second}` : first};`);
      }
    }
    lines.push('}');
    return lines.join('\n');
  };
  const whole = Math.floor(v.k / 2);
  const looped = whole - (whole % UNROLL);
  const unrolled = Array.from({ length: UNROLL }, (_, u) => step(`kt + ${glslFloat(u)}`, true));
  const rest = Array.from({ length: whole - looped }, (_, u) => step(glslFloat(looped + u), true));
  if (v.k % 2 === 1) rest.push(step(glslFloat(whole), false));
  const [lastCol, lastRow] = packedTextureSize(v.m, v.n).map((t) => glslFloat(t - 1));
  const places: string[] = [];
  const targets: string[] = [];
  const sums: string[] = [];
  const writes: string[] = [];
  for (let r = 0; r < rows; r++) places.push(`float row${r} = y + ${glslFloat(r * h)};`);
  for (let c = 0; c < cols; c++) places.push(`float col${c} = x + ${glslFloat(c * w)};`);
  if (bias) for (let c = 0; c < cols; c++) places.push(`vec4 bias${c} = readBias(col${c}).xyxy;`);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const t = r * cols + c;
      targets.push(`layout(location = ${t}) out vec4 out${t};`);
      sums.push(`vec4 acc${r}_${c} = ${bias ? `bias${c}` : 'vec4(0.0)'};`);
      writes.push(`out${t} = acc${r}_${c};`);
      if (v.n % 2 === 1) writes.push(`if (col${c} == ${lastCol}) out${t}.yw = vec2(0.0);`);
      if (v.m % 2 === 1) writes.push(`if (row${r} == ${lastRow}) out${t}.zw = vec2(0.0);`);
    }
  }
  return `#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
uniform sampler2D A;
uniform sampler2D B;
uniform sampler2D BIAS;
${targets.join('\n')}
const vec2 A_TEXEL = vec2(${glslFloat(1 / aw)}, ${glslFloat(1 / ah)});
const vec2 B_TEXEL = vec2(${glslFloat(1 / bw)}, ${glslFloat(1 / bh)});
vec4 readA(vec2 texel) { return texture(A, (texel + 0.5) * A_TEXEL); }
vec4 readB(vec2 texel) { return texture(B, (texel + 0.5) * B_TEXEL); }
vec4 readBias(float col) { return texture(BIAS, vec2((col + 0.5) / ${glslFloat(Math.ceil(v.n / 2))}, 0.5)); }
void main() {
  float x = floor(gl_FragCoord.x);
  float y = floor(gl_FragCoord.y);
  ${places.join('\n  ')}
  ${sums.join('\n  ')}
  for (int i = 0; i < ${looped}; i += ${UNROLL}) {
    float kt = float(i);
${unrolled.join('\n')}
  }
${rest.join('\n')}
  ${writes.join('\n  ')}
}`;
}

/**
 * Where target `t` goes in the output texture: [x, y, width, height] in texels, clipped to the
 * output (the grid rounds up, so the last rectangles can reach past it, or lie wholly outside).
 */
export function targetRectangle(
  v: WebglProductVariant,
  t: number,
): [number, number, number, number] {
  const [w, h] = productGrid(v);
  const [width, height] = packedTextureSize(v.m, v.n);
  const x = (t % v.block.cols) * w;
  const y = Math.floor(t / v.block.cols) * h;
  return [x, y, Math.max(0, Math.min(w, width - x)), Math.max(0, Math.min(h, height - y))];
}
