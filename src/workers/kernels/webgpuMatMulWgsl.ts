// WGSL for our matrix product on tfjs's webgpu backend (webgpuMatMul.ts): the body of
// tfjs-webgpu's `main()` for one variant. Kept apart from the kernel so the code can be read (and
// unit-tested) without a GPU.
//
// Why not tfjs's own product: on SwiftShader (the software WebGPU of a machine without a GPU, and
// of CI) tfjs's tiled product stages tiles through workgroup memory behind workgroupBarrier()s,
// which SwiftShader runs as coroutine switches. It reached 0.27-0.56 GFLOP/s here (Node, Dawn on
// SwiftShader) where this barrier-free one, each invocation keeping a ROWS x 4 block of the output
// in registers and reading its operands straight from the storage buffers, reached 1.0-2.4.

/** Output rows per invocation: each invocation keeps ROWS x 4 sums. */
export type TileRows = 1 | 4 | 8;

export interface ProductVariant {
  transposeA: boolean;
  transposeB: boolean;
  /** Adds bias[N] to every row as the output is written. */
  bias: boolean;
  /**
   * Reads a and b four elements at a time (vec4 buffers) and writes four at a time: only for
   * untransposed operands with K and N multiples of 4. 1.4x the scalar code at 1024x512x2048.
   */
  vec4: boolean;
  rows: TileRows;
}

/** Invocations per workgroup, [columns of 4, rows of `rows`]. */
export const WORKGROUP: [number, number, number] = [16, 4, 1];

/** The tile height for an output of `m` rows: a row of eight for one real row wastes seven. */
export function tileRows(m: number): TileRows {
  return m >= 8 ? 8 : m >= 4 ? 4 : 1;
}

/** Whether the vec4 code can run [m, k] x [k, n] with these flags. */
export function canUseVec4(k: number, n: number, transposeA: boolean, transposeB: boolean) {
  return !transposeA && !transposeB && k % 4 === 0 && n % 4 === 0;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// Rows past M and columns past N (the last, partial tile) read row M - 1 or column N - 1, which
// exist, and are never written: no branch inside the loop over k.
function scalarCode(v: ProductVariant): string {
  const rows = range(v.rows);
  const cols = range(4);
  // a is [M, K], or [K, M] read transposed; b is [K, N], or [N, K] read transposed.
  const k = v.transposeA ? 'uniforms.aShape.x' : 'uniforms.aShape.y';
  const aRow = (r: number) => `let a${r} = min(row0 + ${r}, M - 1)${v.transposeA ? '' : ' * K'};`;
  const bCol = (c: number) => `let b${c} = min(col0 + ${c}, N - 1)${v.transposeB ? ' * K' : ''};`;
  const aStep = v.transposeA ? 'k * M' : 'k';
  const bStep = v.transposeB ? 'k' : 'k * N';
  const bias = (c: number) => (v.bias ? ` + bias[col0 + ${c}]` : '');
  const writes = rows.flatMap((r) =>
    cols.map(
      (c) =>
        `if (row0 + ${r} < M && col0 + ${c} < N) { result[(row0 + ${r}) * N + col0 + ${c}] = acc${r}[${c}]${bias(c)}; }`,
    ),
  );
  return `
fn main() {
  let M = uniforms.outShape.x;
  let N = uniforms.outShape.y;
  let K = ${k};
  let col0 = i32(globalId.x) * 4;
  let row0 = i32(globalId.y) * ${v.rows};
  if (col0 >= N || row0 >= M) {
    return;
  }
  ${rows.map(aRow).join('\n  ')}
  ${cols.map(bCol).join('\n  ')}
  ${rows.map((r) => `var acc${r} = vec4<f32>(0.0);`).join('\n  ')}
  for (var k = 0; k < K; k = k + 1) {
    let ka = ${aStep};
    let kb = ${bStep};
    let b = vec4<f32>(${cols.map((c) => `B[b${c} + kb]`).join(', ')});
    ${rows.map((r) => `acc${r} = acc${r} + A[a${r} + ka] * b;`).join('\n    ')}
  }
  ${writes.join('\n  ')}
}
`;
}

// A, B, bias and the result are arrays of vec4: a[r] holds a[r, 4k .. 4k+3], b[k] b[k, 4c .. 4c+3].
function vec4Code(v: ProductVariant): string {
  const rows = range(v.rows);
  const bias = v.bias ? ' + bias[col4]' : '';
  return `
fn main() {
  let M = uniforms.outShape.x;
  let N4 = uniforms.outShape.y / 4;
  let K4 = uniforms.aShape.y / 4;
  let col4 = i32(globalId.x);
  let row0 = i32(globalId.y) * ${v.rows};
  if (col4 >= N4 || row0 >= M) {
    return;
  }
  ${rows.map((r) => `let a${r} = min(row0 + ${r}, M - 1) * K4;`).join('\n  ')}
  ${rows.map((r) => `var acc${r} = vec4<f32>(0.0);`).join('\n  ')}
  for (var k = 0; k < K4; k = k + 1) {
    let b0 = B[(4 * k) * N4 + col4];
    let b1 = B[(4 * k + 1) * N4 + col4];
    let b2 = B[(4 * k + 2) * N4 + col4];
    let b3 = B[(4 * k + 3) * N4 + col4];
    ${rows
      .map(
        (r) => `let x${r} = A[a${r} + k];
    acc${r} = acc${r} + x${r}.x * b0 + x${r}.y * b1 + x${r}.z * b2 + x${r}.w * b3;`,
      )
      .join('\n    ')}
  }
  ${rows.map((r) => `if (row0 + ${r} < M) { result[(row0 + ${r}) * N4 + col4] = acc${r}${bias}; }`).join('\n  ')}
}
`;
}

/** The program's getUserCode() for one variant; sizes come from tfjs's shape uniforms. */
export function emitProduct(variant: ProductVariant): string {
  return variant.vec4 ? vec4Code(variant) : scalarCode(variant);
}

/** A key naming exactly the code emitProduct gives for `variant`. */
export function productKey(v: ProductVariant): string {
  const flags = `${v.transposeA ? 'T' : 'N'}${v.transposeB ? 'T' : 'N'}`;
  return `charRnnMatMul_${flags}_${v.vec4 ? 'v4' : 's'}_r${v.rows}${v.bias ? '_bias' : ''}`;
}
