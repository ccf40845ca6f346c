// The WGSL product emitter without a GPU: which code each product gets, and that a key names one
// code (tfjs caches pipelines by key). The numbers are checked against cpu in the browser, by the
// worker's self-check (e2e/fused-kernels.spec.ts, e2e/backends.spec.ts on SwiftShader's WebGPU).
import { describe, expect, it } from 'vitest';
import {
  canUseVec4,
  emitProduct,
  productKey,
  tileRows,
  type ProductVariant,
  type TileRows,
} from './webgpuMatMulWgsl.ts';

/** Every variant the kernel can ask for. */
function allVariants(): ProductVariant[] {
  const out: ProductVariant[] = [];
  for (const transposeA of [false, true])
    for (const transposeB of [false, true])
      for (const bias of [false, true])
        for (const rows of [1, 4, 8] as TileRows[])
          for (const vec4 of transposeA || transposeB ? [false] : [false, true])
            out.push({ transposeA, transposeB, bias, rows, vec4 });
  return out;
}

describe('the WebGPU product code', () => {
  it('gives each variant its own key, and each key one code', () => {
    const codeByKey = new Map<string, string>();
    for (const v of allVariants()) {
      expect(codeByKey.has(productKey(v))).toBe(false);
      codeByKey.set(productKey(v), emitProduct(v));
    }
    expect(new Set(codeByKey.values()).size).toBe(codeByKey.size);
  });

  it('keeps a block of rows x 4 sums per invocation and writes only rows inside the output', () => {
    const code = emitProduct({
      transposeA: true,
      transposeB: false,
      bias: true,
      vec4: false,
      rows: 8,
    });
    expect(code.match(/var acc\d+ = vec4<f32>\(0\.0\);/g)).toHaveLength(8);
    expect(code.match(/if \(row0 \+ \d < M && col0 \+ \d < N\)/g)).toHaveLength(32);
    expect(code).toContain('bias[col0 + 3]');
    // Read transposed, a's next k is a row of M further on; b's is a row of N.
    expect(code).toContain('let ka = k * M;');
    expect(code).toContain('let kb = k * N;');
  });

  it('reads four at a time only for untransposed operands with K and N multiples of 4', () => {
    expect(canUseVec4(512, 2048, false, false)).toBe(true);
    expect(canUseVec4(65, 512, false, false)).toBe(false);
    expect(canUseVec4(512, 65, false, false)).toBe(false);
    expect(canUseVec4(512, 2048, true, false)).toBe(false);
    expect(canUseVec4(512, 2048, false, true)).toBe(false);
  });

  it('uses tiles of 8 rows for a batch and of 1 for a single row', () => {
    expect([1, 3, 4, 7, 8, 64].map(tileRows)).toEqual([1, 1, 4, 4, 8, 8]);
  });
});
