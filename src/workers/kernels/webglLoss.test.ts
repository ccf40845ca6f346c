// The WebGL loss's and row lookups' GLSL without a GPU: what each bakes in for odd sizes. The
// numbers are checked against cpu in the browser (the self-check and the row-lookup check, through
// e2e/fused-kernels.spec.ts).
import { describe, expect, it } from 'vitest';
import { lossGradientUserCode, meanLossUserCode, rowStatsUserCode } from './webglLoss.ts';
import { rowsGradientUserCode, rowsUserCode } from './webglRows.ts';

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

describe('the WebGL row lookups', () => {
  it('add the bias only when there is one, and zero what lies past the output', () => {
    expect(rowsUserCode(7, 5, true)).toContain('getBias(c)');
    expect(rowsUserCode(7, 5, false)).not.toContain('getBias');
    expect(rowsUserCode(7, 5, false)).toContain('r + 1 < 7');
    expect(rowsUserCode(7, 5, false)).toContain('c + 1 >= 5');
  });

  it('sum two ids’ ranges per fragment, from the grouped order', () => {
    const code = rowsGradientUserCode(5);
    expect(code).toContain('getStarts(v + 2)');
    expect(code.match(/sortedRow\(j, c\)/g)).toHaveLength(2);
  });
});
