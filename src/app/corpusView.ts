// How the corpus panel writes characters and shares. Pure. Whitespace and control characters are
// shown as visible symbols (a space in a list of characters is invisible), with a spoken name for
// screen readers and tooltips.
import { describeChar, type CharCount } from '../corpus/stats.ts';
import { formatNumber } from './format.ts';

const SYMBOLS: Record<string, string> = {
  ' ': '␣',
  '\n': '↵',
  '\t': '⇥',
  '\u00a0': '⍽',
};

/** What the list shows for a character: "␣" for a space, "↵" for a line break, "U+0007" for BEL. */
export function visibleChar(char: string): string {
  return SYMBOLS[char] ?? describeChar(char);
}

/** What a screen reader says and a tooltip shows: "space", "line break", or the character. */
export function spokenChar(char: string): string {
  return describeChar(char);
}

/** "12.3%" of all characters; "<0.1%" for a rare one, so it never reads as zero. */
export function shareText(count: number, total: number): string {
  if (total <= 0) return '0%';
  const percent = (count / total) * 100;
  return percent < 0.1 ? '<0.1%' : `${formatNumber(percent, 1)}%`;
}

export interface CharShare {
  symbol: string;
  name: string;
  share: string;
}

export function charShares(top: readonly CharCount[], total: number): CharShare[] {
  return top.map(({ char, count }) => ({
    symbol: visibleChar(char),
    name: spokenChar(char),
    share: shareText(count, total),
  }));
}
