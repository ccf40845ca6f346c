import { describe, expect, it } from 'vitest';
import { charShares, shareText, spokenChar, visibleChar } from './corpusView.ts';

describe('visibleChar', () => {
  it('shows whitespace as symbols and control characters by code point', () => {
    expect(visibleChar(' ')).toBe('␣');
    expect(visibleChar('\n')).toBe('↵');
    expect(visibleChar('\t')).toBe('⇥');
    expect(visibleChar('\u0007')).toBe('U+0007');
    expect(visibleChar('e')).toBe('e');
    expect(visibleChar('<')).toBe('<');
  });

  it('names them for screen readers', () => {
    expect(spokenChar(' ')).toBe('space');
    expect(spokenChar('\n')).toBe('line break');
    expect(spokenChar('字')).toBe('字');
  });
});

describe('shares', () => {
  it('rounds to a tenth of a percent and never shows a rare character as zero', () => {
    expect(shareText(1, 8)).toBe('12.5%');
    expect(shareText(1, 10_000)).toBe('<0.1%');
    expect(shareText(1, 0)).toBe('0%');
  });

  it('lists the top characters with symbol, name and share', () => {
    expect(charShares([{ char: ' ', count: 2 }], 4)).toEqual([
      { symbol: '␣', name: 'space', share: '50%' },
    ]);
  });
});
