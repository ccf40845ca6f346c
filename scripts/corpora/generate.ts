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

export interface BracketOptions {
  seed: number;
  lines: number;
  /** Each line holds 1..maxPairs bracket pairs, uniformly. */
  maxPairs: number;
  /** Never more than this many brackets open at once. */
  maxDepth: number;
}

/** About 200 KB: lines up to 48 characters, up to 8 brackets open at once. */
export const BRACKETS_DEFAULTS: BracketOptions = {
  seed: 20_240_916,
  lines: 8_000,
  maxPairs: 24,
  maxDepth: 8,
};

const OPEN = '([{';
const CLOSE = ')]}';

/**
 * Lines of balanced brackets such as "([]{()})": a long-memory task. Whether the next character
 * opens or closes is a coin toss, but which closing bracket comes is fully determined by the
 * bracket it matches, which may have been opened dozens of characters earlier. A network that
 * only looks at recent characters cannot close correctly; one that keeps a stack in its state can.
 */
export function generateBrackets(options: BracketOptions = BRACKETS_DEFAULTS): string {
  const { seed, lines, maxPairs, maxDepth } = options;
  const random = mulberry32(seed);
  const out: string[] = [];
  for (let line = 0; line < lines; line++) {
    let opensLeft = 1 + Math.floor(random() * maxPairs);
    const stack: number[] = [];
    let text = '';
    while (opensLeft > 0 || stack.length > 0) {
      const canOpen = opensLeft > 0 && stack.length < maxDepth;
      const canClose = stack.length > 0;
      if (canOpen && (!canClose || random() < 0.5)) {
        const kind = Math.floor(random() * OPEN.length);
        stack.push(kind);
        text += OPEN[kind];
        opensLeft -= 1;
      } else {
        text += CLOSE[stack.pop() ?? 0];
      }
    }
    out.push(`${text}\n`);
  }
  return out.join('');
}

/**
 * One name per line from several lists (the female and the male list), trimmed, blanks and
 * duplicates dropped, in a seeded shuffle. Shuffled because the packages list names
 * alphabetically, and the trainer holds out the last 10 % of the text for validation: in
 * alphabetical order that would be only names from S to Z, which the model never trained on.
 */
export function namesToText(lists: readonly (readonly string[])[], seed: number): string {
  const names = [...new Set(lists.flat().map((name) => name.trim()))].filter((n) => n.length > 0);
  const random = mulberry32(seed);
  // Fisher–Yates, driven by the seeded generator so every machine writes the same file.
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [names[i], names[j]] = [names[j] ?? '', names[i] ?? ''];
  }
  return names.map((name) => `${name}\n`).join('');
}

export const NAMES_SEED = 20_240_917;
