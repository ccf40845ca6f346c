// The WebGL product's GLSL without a GPU: which block each product gets, where each target's
// rectangle goes, that every k texel is multiplied once (and an odd k's padding half never), and
// that a key names one shader. The
// numbers are checked in the browser on SwiftShader, by the backend self-check's product check
// and training step (e2e/fused-kernels.spec.ts, e2e/backends.spec.ts).
import { describe, expect, it } from 'vitest';
import {
  productBlock,
  productGrid,
  productShader,
  targetRectangle,
  UNROLL,
  webglProductKey,
  type WebglProductVariant,
} from './webglMatMulGlsl.ts';

const variant = (m: number, k: number, n: number, tA = false, tB = false): WebglProductVariant => ({
  transposeA: tA,
  transposeB: tB,
  m,
  k,
  n,
  block: productBlock(m, 8),
});

/** The k texels the shader reads: each step reads texel `kt + u` in the loop, or a constant. */
function stepsOf(shader: string): { looped: number; constant: string[]; firstHalfOnly: number } {
  const loop = /for \(int i = 0; i < (\d+); i \+= (\d+)\)/.exec(shader);
  const looped = loop ? Number(loop[1]) : 0;
  const afterLoop = shader.slice(shader.indexOf('\n  }\n') + 4);
  const constant = [...afterLoop.matchAll(/vec4 a0 = readA\(vec2\((?:row0, )?(\d+)\.0/g)].map(
    (x) => x[1]!,
  );
  const firstHalfOnly = (shader.match(/acc0_0 \+= a0\.\w+ \* b0\.\w+;/g) ?? []).length;
  return { looped, constant, firstHalfOnly };
}

describe('the WebGL product shader', () => {
  it('draws 4 x 2 texels per fragment where 8 targets can be drawn, 1 x 4 for a single row', () => {
    expect(productBlock(64, 8)).toEqual({ rows: 4, cols: 2 });
    expect(productBlock(2, 8)).toEqual({ rows: 1, cols: 4 });
    expect(productBlock(64, 4)).toEqual({ rows: 2, cols: 2 });
    // [64, 512] x [512, 2048]: 32 x 1,024 texels of output, 8 x 512 fragments.
    expect(productGrid(variant(64, 512, 2048))).toEqual([512, 8]);
    // Partial blocks round up: 5 x 7 texels.
    expect(productGrid(variant(9, 4, 13))).toEqual([4, 2]);
  });

  it('writes one target per texel of its block, each a rectangle of the output', () => {
    const v = variant(64, 512, 2048);
    const shader = productShader(v, false);
    expect(shader.match(/layout\(location = \d\) out vec4 out\d;/g)).toHaveLength(8);
    expect(shader.match(/out\d = acc\d_\d;/g)).toHaveLength(8);
    // Grid 512 x 8: target r*2 + c holds output texels from (512 c, 8 r), as the blits copy them.
    expect(shader).toContain('float row3 = y + 24.0;');
    expect(shader).toContain('float col1 = x + 512.0;');
    expect(targetRectangle(v, 0)).toEqual([0, 0, 512, 8]);
    expect(targetRectangle(v, 7)).toEqual([512, 24, 512, 8]);
  });

  it('clips the rectangles that reach past the output, and skips those wholly outside', () => {
    // [9, 13]: 5 x 7 texels; grid 4 x 2 (rounded up), so target 1 (x 4-7) keeps 3 columns and
    // targets from row 3 on (y 6-7) lie below the output's 5 rows.
    const v = variant(9, 4, 13);
    expect(targetRectangle(v, 0)).toEqual([0, 0, 4, 2]);
    expect(targetRectangle(v, 1)).toEqual([4, 0, 3, 2]);
    expect(targetRectangle(v, 5)).toEqual([4, 4, 3, 1]);
    expect(targetRectangle(v, 6)).toEqual([0, 6, 4, 0]);
  });

  it('adds a bias as it starts, and zeroes the padding half of an odd last row or column', () => {
    const withBias = productShader(variant(9, 8, 13), true);
    expect(withBias).toContain('vec4 acc2_1 = bias1;');
    expect(withBias).toContain('vec4 bias1 = readBias(col1).xyxy;');
    expect(productShader(variant(9, 8, 13), false)).toContain('vec4 acc2_1 = vec4(0.0);');
    // 5 x 7 texels: the last column is texel 6, the last row texel 4.
    expect(withBias).toContain('if (col1 == 6.0) out3.yw = vec2(0.0);');
    expect(withBias).toContain('if (row1 == 4.0) out3.zw = vec2(0.0);');
    expect(productShader(variant(8, 8, 12), false)).not.toContain('= vec2(0.0)');
  });

  it('multiplies every whole k texel once, unrolled, then the rest one by one', () => {
    // k = 36: 18 texels, 16 in the loop (4 iterations of 4), then texels 16 and 17.
    const steps = stepsOf(productShader(variant(20, 36, 70), false));
    expect(UNROLL).toBe(4);
    expect(steps.looped).toBe(16);
    expect(steps.constant).toEqual(['16', '17']);
    expect(steps.firstHalfOnly).toBe(0);
  });

  it("multiplies only the first half of an odd k's last texel, with a or b transposed", () => {
    for (const [tA, tB] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      // k = 7: texels 0-2 whole (none in the loop), texel 3 holds k = 6 and padding.
      const shader = productShader(variant(9, 7, 13, tA, tB), false);
      const steps = stepsOf(shader);
      expect(steps.looped).toBe(0);
      expect(steps.firstHalfOnly).toBe(1);
      // The k+1 half is the second swizzle of each operand, never in the first-half-only step.
      const last = shader.slice(shader.lastIndexOf('{\n  vec4 a0'));
      expect(last).not.toMatch(tA ? /zzww/ : /yyww/);
      expect(last).not.toMatch(tB ? /ywyw/ : /zwzw/);
    }
  });

  it('gives each shape and layout its own key, and each key one shader', () => {
    const shaders = new Map<string, string>();
    for (const [m, k, n] of [
      [64, 512, 2048],
      [1, 512, 2048],
      [9, 7, 13],
      [9, 8, 13],
    ] as const) {
      for (const tA of [false, true]) {
        for (const tB of [false, true]) {
          for (const bias of [false, true]) {
            const v = variant(m, k, n, tA, tB);
            expect(shaders.has(webglProductKey(v, bias))).toBe(false);
            shaders.set(webglProductKey(v, bias), productShader(v, bias));
          }
        }
      }
    }
    expect(new Set(shaders.values()).size).toBe(shaders.size);
  });
});
