import { describe, expect, it } from 'vitest';
import { ADDITION_DEFAULTS, generateAddition, mulberry32, namesToText } from './generate';

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

describe('namesToText', () => {
  it('writes one trimmed name per line and drops blanks', () => {
    expect(namesToText(['Ada', ' Grace ', '', '  '])).toBe('Ada\nGrace\n');
  });
});
