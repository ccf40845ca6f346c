// The WebGL loss's GLSL without a GPU: what it bakes in for odd sizes. The numbers are checked
// against cpu in the browser (the self-check, through e2e/fused-kernels.spec.ts).
import { describe, expect, it } from 'vitest';
import { lossGradientUserCode, meanLossUserCode, rowStatsUserCode } from './webglLoss.ts';

describe('the WebGL loss programs', () => {
  it('read an odd vocabulary’s last texel for its first column only', () => {
    const odd = rowStatsUserCode(65);
    expect(odd).toContain('c < 64');
    expect(odd).toContain('getLogits(r, 64)');
    expect(odd).toContain('lastTexel.xz');
    const even = rowStatsUserCode(64);
    expect(even).toContain('c < 64');
    expect(even).not.toContain('lastTexel');
  });

  it('zero the gradient past the last row and column, and divide by the row count', () => {
    const code = lossGradientUserCode(15, 7);
    expect(code).toContain('c + 1 >= 7');
    expect(code).toContain('r + 1 >= 15');
    expect(code).toContain('/ 15.0');
  });

  it('average every row once, the odd last row included', () => {
    const code = meanLossUserCode(15);
    expect(code).toContain('r < 15; r += 2');
    expect(code).toContain('if (r + 1 < 15)');
    expect(code).toContain('total / 15.0');
  });
});
