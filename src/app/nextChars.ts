// Wording of the next-character probabilities: which glyph stands for an invisible character, how
// a probability reads, and which prediction belongs to the caret. Pure, unit-tested, no DOM types.
import type { NextCharacters } from '../workers/protocol.ts';

const GLYPHS: Record<string, { glyph: string; name: string }> = {
  ' ': { glyph: '␣', name: 'space' },
  '\n': { glyph: '↵', name: 'newline' },
  '\t': { glyph: '⇥', name: 'tab' },
  '\r': { glyph: '␍', name: 'carriage return' },
};

/** A character as a bar's label shows it: space as "␣", newline as "↵". */
export function visibleChar(char: string): string {
  return GLYPHS[char]?.glyph ?? char;
}

/** The word a screen reader should hear for an invisible character, or null for a visible one. */
export function charName(char: string): string | null {
  return GLYPHS[char]?.name ?? null;
}

/**
 * A probability as a percentage, truncated rather than rounded so that the shown values never add
 * up to more than 100 %: 0.4167 -> "41%", 0.0423 -> "4.2%", 0.0004 -> "<0.1%".
 */
export function formatProbability(p: number): string {
  const percent = Math.max(0, Math.min(1, Number.isFinite(p) ? p : 0)) * 100;
  if (percent >= 10) return `${Math.floor(percent)}%`;
  const tenths = Math.floor(percent * 10) / 10;
  return tenths === 0 && percent > 0 ? '<0.1%' : `${tenths}%`;
}

export interface NextRow {
  char: string;
  glyph: string;
  /** Spoken name of an invisible character. */
  name: string | null;
  percent: string;
  /** Bar width, 0–100. */
  width: number;
  /** The row as text: "e 41%". */
  text: string;
}

/** The rows of the bar chart, most likely first (the worker sends them in that order). */
export function nextRows(next: NextCharacters): NextRow[] {
  return next.chars.map((char, i) => {
    const p = next.probs[i] ?? 0;
    const percent = formatProbability(p);
    const glyph = visibleChar(char);
    return {
      char,
      glyph,
      name: charName(char),
      percent,
      width: Math.max(0, Math.min(100, p * 100)),
      text: `${glyph} ${percent}`,
    };
  });
}

/** The first `max` code points of `text` (the most the worker inspects). */
export function clipCodePoints(text: string, max: number): string {
  // Cheap check first: a string of at most `max` UTF-16 units has at most `max` code points.
  if (text.length <= max) return text;
  return [...text].slice(0, max).join('');
}

/** The position, in code points, of a UTF-16 offset into `text` (what selectionStart gives). */
export function codePointOffset(text: string, utf16Offset: number): number {
  return [...text.slice(0, Math.max(0, utf16Offset))].length;
}

/**
 * Which inspected position predicts the character after the first `position` code points of
 * `text`, or null. The network reads left to right, so the answer stays right while the text
 * before the caret matches what was inspected, even if later text has changed since.
 */
export function predictionIndex(
  inspected: readonly string[],
  text: readonly string[],
  position: number,
): number | null {
  if (position < 1 || position > inspected.length || position > text.length) return null;
  for (let i = 0; i < position; i++) if (inspected[i] !== text[i]) return null;
  return position - 1;
}

/** The last few characters before the caret, as the "after …" context of the bars. */
export function contextBefore(text: readonly string[], position: number, width = 12): string {
  const start = Math.max(0, position - width);
  const shown = text.slice(start, position).map(visibleChar).join('');
  return start > 0 ? `…${shown}` : shown;
}
