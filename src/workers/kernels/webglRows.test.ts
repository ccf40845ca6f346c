// The WebGL row lookups' GLSL without a GPU: what it bakes in for odd sizes. The numbers are
// checked against plain arithmetic in the browser (the row-lookup check, through
// e2e/fused-kernels.spec.ts).
import { describe, expect, it } from 'vitest';
import { rowsGradientUserCode, rowsUserCode } from './webglRows.ts';

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
