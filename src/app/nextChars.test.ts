import { describe, expect, it } from 'vitest';
import {
  charName,
  clipCodePoints,
  codePointOffset,
  contextBefore,
  formatProbability,
  nextRows,
  predictionIndex,
  visibleChar,
} from './nextChars.ts';

describe('visibleChar and charName', () => {
  it('shows space and newline as glyphs, with words for screen readers', () => {
    expect(visibleChar(' ')).toBe('␣');
    expect(visibleChar('\n')).toBe('↵');
    expect(visibleChar('e')).toBe('e');
    expect(charName(' ')).toBe('space');
    expect(charName('\n')).toBe('newline');
    expect(charName('e')).toBeNull();
  });
});

describe('formatProbability', () => {
  it('truncates, so the shown values never sum past 100 %', () => {
    expect(formatProbability(0.4167)).toBe('41%');
    expect(formatProbability(0.0999)).toBe('9.9%');
    expect(formatProbability(0.0423)).toBe('4.2%');
    expect(formatProbability(1)).toBe('100%');
    expect(formatProbability(0)).toBe('0%');
    expect(formatProbability(0.0004)).toBe('<0.1%');
    expect(formatProbability(Number.NaN)).toBe('0%');
  });

  it('keeps a full distribution at or under 100 %', () => {
    const probs = [0.3337, 0.3337, 0.3326];
    const sum = probs.map(formatProbability).reduce((s, t) => s + Number.parseFloat(t), 0);
    expect(sum).toBeLessThanOrEqual(100);
  });
});

describe('nextRows', () => {
  it('labels each bar with its glyph and percentage', () => {
    const rows = nextRows({ chars: ['e', ' ', '\n'], probs: [0.41, 0.3, 0.05] });
    expect(rows.map((r) => r.text)).toEqual(['e 41%', '␣ 30%', '↵ 5%']);
    expect(rows[1]).toMatchObject({ char: ' ', name: 'space', width: 30 });
  });
});

describe('caret positions', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointOffset('ab', 1)).toBe(1);
    expect(codePointOffset('𠀀x', 2)).toBe(1);
    expect(codePointOffset('𠀀x', 3)).toBe(2);
    expect(codePointOffset('abc', -1)).toBe(0);
  });

  it('uses the prediction after the character before the caret', () => {
    const inspected = [...'hello'];
    expect(predictionIndex(inspected, [...'hello'], 3)).toBe(2);
    expect(predictionIndex(inspected, [...'hello'], 5)).toBe(4);
    expect(predictionIndex(inspected, [...'hello'], 0)).toBeNull();
  });

  it('keeps a prediction while the text before the caret is unchanged', () => {
    expect(predictionIndex([...'hello'], [...'help me'], 3)).toBe(2);
    expect(predictionIndex([...'hello'], [...'help me'], 4)).toBeNull();
    expect(predictionIndex([...'hi'], [...'hi there'], 4)).toBeNull();
  });

  it('shows the context before the caret', () => {
    expect(contextBefore([...'the cat'], 4)).toBe('the␣');
    expect(contextBefore([...'abcdefgh'], 8, 3)).toBe('…fgh');
  });
});

it('clips text to a number of code points', () => {
  expect(clipCodePoints('abcdef', 4)).toBe('abcd');
  expect(clipCodePoints('ab', 4)).toBe('ab');
  expect(clipCodePoints('𠀀𠀁𠀂', 2)).toBe('𠀀𠀁');
});
