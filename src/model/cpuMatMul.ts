// Our matrix product on tfjs's cpu backend (the fallback where neither a GPU nor wasm runs).
// tfjs's stock BatchMatMul walks b down its columns for every output element: 0.9-1.3 GFLOP/s in
// Node at a step's shapes, where matMul was 87% (1x128 LSTM) to 94% (3x512 GRU) of a cpu step.
// Here both operands are first packed into panels of 4 rows (b: 4 columns), [ceil(M/4), K, 4],
// zero-padded, so every 4x4 block of the output is one pass over two contiguous panels with its
// 16 sums held in locals: 4.4-4.7 GFLOP/s at the same shapes in Node, 3.6-6.4 in the bench's
// Chromium runs (a 3x4 block measured up to 10% faster, 2x4 and 4x8 no better).
// Packing also reads a or b transposed for free: the flags only change the strides. An optional
// bias [N] is added to every row of the output as it is written (see affine in matMul.ts).
import { registerKernel, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';
import { cpuBackend } from './cpuBackend.ts';
import { MATMUL_KERNEL, productSizes, type MatMulAttrs } from './matMul.ts';

const roundUp4 = (n: number) => (n + 3) & ~3;

/**
 * Rows [0, rows) of a matrix whose element (r, k) sits at x[r * rowStride + k * colStride], as
 * panels [ceil(rows/4), depth, 4] (panel p holds rows 4p..4p+3, interleaved per k); missing rows 0.
 */
export function packPanels(
  x: Float32Array,
  rows: number,
  depth: number,
  rowStride: number,
  colStride: number,
): Float32Array {
  const packed = new Float32Array(roundUp4(rows) * depth);
  for (let r = 0; r < rows; r++) {
    let o = (r >> 2) * depth * 4 + (r & 3);
    let p = r * rowStride;
    for (let k = 0; k < depth; k++, o += 4, p += colStride) packed[o] = x[p]!;
  }
  return packed;
}

/**
 * out[M4, N4] = A B from A's panels [M4/4, K, 4] and B's column panels [N4/4, K, 4]. Each 4x4 block
 * sums in 16 locals (doubles, so the sum is at least as exact as float32) and is stored once.
 */
function multiplyPanels(pa: Float32Array, pb: Float32Array, m4: number, k: number, n4: number) {
  const out = new Float32Array(m4 * n4);
  // One line per row of each 4x4 block, not one statement per line.
  // prettier-ignore
  for (let i = 0; i < m4; i += 4) {
    for (let j = 0; j < n4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      let p = i * k;
      let q = j * k;
      for (let s = 0; s < k; s++, p += 4, q += 4) {
        const a0 = pa[p]!, a1 = pa[p + 1]!, a2 = pa[p + 2]!, a3 = pa[p + 3]!;
        const b0 = pb[q]!, b1 = pb[q + 1]!, b2 = pb[q + 2]!, b3 = pb[q + 3]!;
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      let o = i * n4 + j;
      out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03;
      o += n4;
      out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13;
      o += n4;
      out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23;
      o += n4;
      out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
    }
  }
  return out;
}

/**
 * out[1, N4] = a B for one row a [K] (generation multiplies one row per character, where a 4x4
 * block would compute three rows of padding).
 */
function multiplyRow(a: Float32Array, pb: Float32Array, k: number, n4: number) {
  const out = new Float32Array(n4);
  // prettier-ignore
  for (let j = 0; j < n4; j += 4) {
    let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    for (let s = 0, q = j * k; s < k; s++, q += 4) {
      const x = a[s]!;
      c0 += x * pb[q]!; c1 += x * pb[q + 1]!; c2 += x * pb[q + 2]!; c3 += x * pb[q + 3]!;
    }
    out[j] = c0; out[j + 1] = c1; out[j + 2] = c2; out[j + 3] = c3;
  }
  return out;
}

/**
 * The [m, n] top-left corner of a row-major [m4, n4] matrix (itself when nothing was padded),
 * with `bias` [n] added to every row when given.
 */
function corner(x: Float32Array, m: number, n: number, n4: number, bias: Float32Array | null) {
  let out = x;
  if (n !== n4) {
    out = new Float32Array(m * n);
    for (let r = 0; r < m; r++) out.set(x.subarray(r * n4, r * n4 + n), r * n);
  } else if (x.length !== m * n) {
    out = x.slice(0, m * n);
  }
  if (bias) {
    for (let r = 0, o = 0; r < m; r++) for (let j = 0; j < n; j++, o++) out[o]! += bias[j]!;
  }
  return out;
}

/**
 * Packed weights (products the caller marks `weightB`): a recurrent weight is multiplied at every
 * timestep and every weight at every generated character, by a few rows, where packing b costs
 * as much as a good part of the product. Keyed by the tensor's data, which tfjs never changes (a
 * variable's assign gives it new data); weakly, so an entry goes with its tensor.
 */
const packedWeights = new WeakMap<object, { transposed: boolean; panels: Float32Array }>();

function panelsOfB(b: TensorInfo, values: Float32Array, transposed: boolean, weight: boolean) {
  const [k, n] = transposed ? [b.shape[1]!, b.shape[0]!] : [b.shape[0]!, b.shape[1]!];
  // B's columns are the panels' rows: column j, entry s at b[s * n + j], or b[j * k + s] if b^T.
  const pack = () => packPanels(values, n, k, transposed ? k : 1, transposed ? 1 : n);
  if (!weight) return pack();
  const kept = packedWeights.get(b.dataId);
  if (kept?.transposed === transposed) return kept.panels;
  const panels = pack();
  packedWeights.set(b.dataId, { transposed, panels });
  return panels;
}

const matMulCpu: KernelFunc = ({ inputs, attrs, backend }) => {
  const { transposeA, transposeB, weightB } = attrs as unknown as MatMulAttrs;
  const { a, b, bias } = inputs as { a: TensorInfo; b: TensorInfo; bias?: TensorInfo };
  if (
    a.shape.length !== 2 ||
    b.shape.length !== 2 ||
    a.dtype !== 'float32' ||
    b.dtype !== 'float32'
  ) {
    throw new Error(`${MATMUL_KERNEL}: needs two float32 matrices, got ${a.shape} and ${b.shape}`);
  }
  const cpu = cpuBackend(backend);
  const { m, k, n } = productSizes(a, b, bias, { transposeA, transposeB });
  const aValues = cpu.readSync(a.dataId) as Float32Array;
  const bValues = cpu.readSync(b.dataId) as Float32Array;
  const pb = panelsOfB(b, bValues, transposeB, weightB);
  const n4 = roundUp4(n);
  const biasValues = bias ? (cpu.readSync(bias.dataId) as Float32Array) : null;
  // A's row i, entry s at a[i * k + s], or a[s * m + i] if a^T: for one row, a[s] either way.
  const product =
    m === 1
      ? multiplyRow(aValues, pb, k, n4)
      : multiplyPanels(
          packPanels(aValues, m, k, transposeA ? 1 : k, transposeA ? m : 1),
          pb,
          roundUp4(m),
          k,
          n4,
        );
  const out = corner(product, m, n, n4, biasValues);
  return cpu.makeTensorInfo([m, n], 'float32', out);
};

export function registerCpuMatMul(): void {
  registerKernel({ kernelName: MATMUL_KERNEL, backendName: 'cpu', kernelFunc: matMulCpu });
}
