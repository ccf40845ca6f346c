import { describe, expect, it } from 'vitest';
import {
  ADDITION_DEFAULTS,
  BRACKETS_DEFAULTS,
  NAMES_SEED,
  generateAddition,
  generateBrackets,
  mulberry32,
  namesToText,
} from './generate';

// The first lines of the built-in brackets corpus: if these change, every user's copy changes.
const PINNED_BRACKETS = [
  '{}{{(([]){})}{[()]{}{}()}}[{([]{[]})}]',
  '{{{}}{}{{}}{}[[]()]((([]())))}',
];

describe('mulberry32', () => {
  it('returns the same sequence for the same seed and a different one for another seed', () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it('stays within [0, 1)', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 10_000; i++) {
      const x = random();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('generateAddition', () => {
  const text = generateAddition();
  const lines = text.split('\n');

  it('writes the requested number of newline-terminated lines', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(ADDITION_DEFAULTS.lines);
  });

  it('writes only correct sums of operands in range, without leading zeros', () => {
    // Collect failures instead of 60,000 expect() calls: faster, and the report lists them all.
    const wrong = lines.filter((line) => {
      const match = /^(0|[1-9]\d*)\+(0|[1-9]\d*)=(0|[1-9]\d*)$/.exec(line);
      if (!match) return true;
      const [a, b, sum] = match.slice(1).map(Number) as [number, number, number];
      const max = ADDITION_DEFAULTS.maxOperand;
      return a > max || b > max || a + b !== sum;
    });
    expect(wrong).toEqual([]);
  });

  it('is identical for the same seed and differs for another seed', () => {
    const options = { seed: 123, lines: 500, maxOperand: 999 };
    expect(generateAddition(options)).toBe(generateAddition(options));
    expect(generateAddition({ ...options, seed: 124 })).not.toBe(generateAddition(options));
  });

  it('keeps the built-in corpus byte-identical across machines and releases', () => {
    // A pinned prefix: if this changes, every user's addition corpus silently changes too.
    expect(lines.slice(0, 3)).toEqual(['547+980=1527', '833+48=881', '252+433=685']);
  });

  it('is about 240 KB, as the library promises', () => {
    expect(text.length).toBeGreaterThan(220_000);
    expect(text.length).toBeLessThan(260_000);
  });

  it('uses the whole operand range, so every digit appears in every position', () => {
    const operands = lines.flatMap((line) => line.split(/[+=]/).slice(0, 2).map(Number));
    expect(Math.min(...operands)).toBeLessThan(10);
    expect(Math.max(...operands)).toBeGreaterThan(990);
  });
});

describe('generateBrackets', () => {
  const text = generateBrackets();
  const lines = text.split('\n').slice(0, -1);

  it('writes the requested number of lines, each balanced and properly nested', () => {
    expect(lines).toHaveLength(BRACKETS_DEFAULTS.lines);
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const unbalanced = lines.filter((line) => {
      const stack: string[] = [];
      for (const ch of line) {
        if ('([{'.includes(ch)) stack.push(ch);
        else if (stack.pop() !== pairs[ch]) return true;
      }
      return stack.length > 0;
    });
    expect(unbalanced).toEqual([]);
  });

  it('keeps within the pair and depth limits and reaches them', () => {
    const depth = (line: string) => {
      let d = 0;
      let max = 0;
      for (const ch of line) max = Math.max(max, (d += '([{'.includes(ch) ? 1 : -1));
      return max;
    };
    const lengths = lines.map((line) => line.length);
    expect(Math.max(...lengths)).toBe(2 * BRACKETS_DEFAULTS.maxPairs);
    expect(Math.min(...lengths)).toBe(2);
    expect(Math.max(...lines.map(depth))).toBe(BRACKETS_DEFAULTS.maxDepth);
  });

  it('uses all three kinds of bracket and nothing else', () => {
    expect(new Set(text)).toEqual(new Set('()[]{}\n'));
  });

  it('is reproducible from its seed, and pinned so the built-in corpus never silently changes', () => {
    const options = { ...BRACKETS_DEFAULTS, lines: 50 };
    expect(generateBrackets(options)).toBe(generateBrackets(options));
    expect(generateBrackets({ ...options, seed: 1 })).not.toBe(generateBrackets(options));
    expect(lines.slice(0, 2)).toEqual(PINNED_BRACKETS);
  });

  it('is about 200 KB', () => {
    expect(text.length).toBeGreaterThan(180_000);
    expect(text.length).toBeLessThan(230_000);
  });
});

describe('namesToText', () => {
  it('writes one trimmed name per line, dropping blanks and names in both lists', () => {
    const text = namesToText(
      [
        ['Ada', ' Grace ', '', '  '],
        ['Grace', 'Alan'],
      ],
      1,
    );
    expect(text.split('\n').slice(0, -1).sort()).toEqual(['Ada', 'Alan', 'Grace']);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('shuffles alphabetical lists reproducibly, so validation is not all late letters', () => {
    const names = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i) + 'name');
    const text = namesToText([names], NAMES_SEED);
    expect(text).toBe(namesToText([names], NAMES_SEED));
    expect(text).not.toBe(names.map((n) => `${n}\n`).join(''));
    // The last tenth (what validation sees) holds names from across the alphabet.
    const last = text.split('\n').slice(-4, -1);
    expect(last.some((name) => name < 'S')).toBe(true);
  });
});
