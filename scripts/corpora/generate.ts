// Generated corpora. Pure: no filesystem, no clock, no Math.random, so a given seed yields the
// same bytes on every machine and the build can be checked by unit tests.

/**
 * mulberry32: a tiny 32-bit PRNG returning floats in [0, 1). Chosen over Math.random because
 * the output must be reproducible, and over anything bigger because it only needs to shuffle
 * digits. All arithmetic is exact 32-bit integer maths (Math.imul, >>>), so engines agree.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface AdditionOptions {
  seed: number;
  lines: number;
  /** Operands are drawn uniformly from 0..maxOperand inclusive. */
  maxOperand: number;
}

/** The built-in addition corpus: about 240 KB, enough for an LSTM to learn carrying. */
export const ADDITION_DEFAULTS: AdditionOptions = {
  seed: 20_240_915,
  lines: 20_000,
  maxOperand: 999,
};

/**
 * Lines like "216+648=864\n": the seq2seq addition example from the lecture decks, as plain
 * text so a character model has to learn to carry. Numbers are written without leading zeros
 * (String(n)), as a person would write them, so line lengths vary.
 */
export function generateAddition(options: AdditionOptions = ADDITION_DEFAULTS): string {
  const { seed, lines, maxOperand } = options;
  const random = mulberry32(seed);
  const draw = (): number => Math.floor(random() * (maxOperand + 1));
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const a = draw();
    const b = draw();
    out.push(`${a}+${b}=${a + b}\n`);
  }
  return out.join('');
}

/**
 * One name per line, in the package's order (alphabetical), trimmed, blanks dropped.
 * Used only when the optional names package is installed.
 */
export function namesToText(names: readonly string[]): string {
  const kept = names.map((name) => name.trim()).filter((name) => name.length > 0);
  return kept.map((name) => `${name}\n`).join('');
}
