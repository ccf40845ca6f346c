import { describe, expect, it } from 'vitest';
import { minimumCorpusChars } from '../model/config.ts';
import {
  MAX_CORPUS_BYTES,
  VOCAB_HARD_LIMIT,
  VOCAB_SOFT_LIMIT,
  applyOffer,
  canTrain,
  checkFileSize,
  truncateToBytes,
  validateCorpus,
  type ValidationProblem,
} from './validate.ts';
import { corpusStats } from './stats.ts';

const SETTINGS = { seqLen: 50, valFraction: 0.1 };
const enough = (text: string) => text.repeat(Math.ceil(2_000 / text.length));

/** n distinct CJK characters, the first ones more frequent than the rest. */
function cjkText(distinct: number): string {
  let text = '';
  for (let i = 0; i < distinct; i++)
    text += String.fromCodePoint(0x4e00 + i).repeat(i < 100 ? 20 : 1);
  return text;
}

function only(problems: ValidationProblem[], kind: ValidationProblem['kind']) {
  expect(problems.map((p) => p.kind)).toEqual([kind]);
  const [problem] = problems;
  if (!problem) throw new Error('no problem');
  return problem;
}

describe('validateCorpus', () => {
  it('finds nothing wrong with ordinary prose, HTML or script included', () => {
    const text = enough('<script>alert("hi")</script> <b>Bold</b> claims & more.\n');
    expect(validateCorpus(text, SETTINGS)).toEqual([]);
  });

  it('calls empty text empty, and nothing else', () => {
    expect(only(validateCorpus('', SETTINGS), 'empty').message).toBe('This text is empty.');
  });

  it('calls text of spaces, tabs and line breaks whitespace only', () => {
    const problem = only(
      validateCorpus(' \n\t\r\n \u00a0 '.repeat(500), SETTINGS),
      'whitespace-only',
    );
    expect(problem.message).toMatch(/only spaces and line breaks/);
  });

  it('says how long a too-short text must be at the current sequence length', () => {
    const needed = minimumCorpusChars(50, 0.1);
    const problem = only(validateCorpus('Too short.', SETTINGS), 'too-short');
    expect(problem).toMatchObject({ chars: 10, minimumChars: needed, blocking: true });
    expect(problem.message).toBe(
      `This text has 10 characters, but at sequence length 50 it needs at least ${needed.toLocaleString('en-US')}, ` +
        'so that training and validation each get a full window. Add more text, or lower the sequence length.',
    );
    // A shorter window makes the same text long enough.
    expect(validateCorpus('x'.repeat(needed), SETTINGS)).toEqual([]);
    expect(validateCorpus('x'.repeat(needed - 1), SETTINGS).map((p) => p.kind)).toEqual([
      'too-short',
    ]);
  });

  it('refuses text over the size limit and offers its first part', () => {
    const text = enough('line of text\n');
    const problem = only(validateCorpus(text, { ...SETTINGS, maxBytes: 1_000 }), 'too-large');
    expect(problem).toMatchObject({ blocking: true, bytes: text.length, maxBytes: 1_000 });
    if (problem.kind !== 'too-large') throw new Error(problem.kind);
    expect(problem.offer).toEqual({
      kind: 'truncate',
      maxBytes: 1_000,
      label: 'Use the first 1.0 KB',
    });
    expect(problem.message).toMatch(/more than the 1\.0 KB the playground can train on/);
    const cut = applyOffer(text, problem.offer);
    expect(cut.length).toBeLessThanOrEqual(1_000);
    expect(cut.endsWith('line of text\n')).toBe(true);
  });

  it('limits corpora to 50 MB by default', () => {
    expect(MAX_CORPUS_BYTES).toBe(50_000_000);
  });

  it('offers, without insisting, to reduce a vocabulary of more than 300 characters', () => {
    const text = cjkText(1_000);
    const problem = only(validateCorpus(text, SETTINGS), 'too-many-characters');
    if (problem.kind !== 'too-many-characters') throw new Error(problem.kind);
    expect(problem.blocking).toBe(false);
    expect(canTrain([problem])).toBe(true);
    expect(problem.offer).toMatchObject({
      kind: 'reduce-vocabulary',
      limit: VOCAB_SOFT_LIMIT,
      unknown: '\uFFFD',
    });
    expect(problem.offer.replacedDistinct).toBe(1_000 - (VOCAB_SOFT_LIMIT - 1));
    expect(problem.message).toMatch(
      /^This text uses 1,000 different characters\. That is fine for Chinese/,
    );
    expect(problem.message).toMatch(
      /keep the 299 most frequent characters and replace the other 701 \(24\.2% of the text\) with �/,
    );
    const reduced = applyOffer(text, problem.offer);
    expect(corpusStats(reduced).vocabSize).toBe(VOCAB_SOFT_LIMIT);
    expect(validateCorpus(reduced, SETTINGS)).toEqual([]);
  });

  it('lets a Chinese text of a few thousand characters train as it is', () => {
    const problems = validateCorpus(cjkText(5_000), SETTINGS);
    expect(canTrain(problems)).toBe(true);
  });

  it('refuses more than 10,000 distinct characters until reduced, and offers to keep 9,999', () => {
    const problem = only(
      validateCorpus(cjkText(VOCAB_HARD_LIMIT + 1), SETTINGS),
      'too-many-characters',
    );
    if (problem.kind !== 'too-many-characters') throw new Error(problem.kind);
    expect(problem.blocking).toBe(true);
    expect(problem.offer.limit).toBe(VOCAB_HARD_LIMIT);
    expect(problem.message).toMatch(/more than the 10,000 the model can handle/);
  });

  it('lists blocking problems before offers that can be declined', () => {
    const text = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const problems = validateCorpus(text, { seqLen: 256, valFraction: 0.1 });
    expect(problems.map((p) => p.kind)).toEqual(['too-short', 'too-many-characters']);
    expect(canTrain(problems)).toBe(false);
  });
});

describe('checkFileSize', () => {
  it('flags a file over the limit before it is read, with the same offer', () => {
    expect(checkFileSize(10, 10)).toBeNull();
    const problem = checkFileSize(60_000_000);
    expect(problem).toMatchObject({ kind: 'too-large', bytes: 60_000_000, maxBytes: 50_000_000 });
    expect(problem?.message).toBe(
      'This text is 60.00 MB, more than the 50.00 MB the playground can train on. You can use its first 50.00 MB instead, or pick a smaller file.',
    );
  });
});

describe('truncateToBytes', () => {
  it('ends at the last whole line that fits', () => {
    expect(truncateToBytes('one\ntwo\nthree\n', 10)).toBe('one\ntwo\n');
  });

  it('cuts at a character boundary when no line break fits, never inside a character', () => {
    expect(truncateToBytes('ab漢字😀', 5)).toBe('ab漢');
    expect(truncateToBytes('😀😀', 7)).toBe('😀');
    expect(new TextEncoder().encode(truncateToBytes('漢'.repeat(100), 100)).length).toBe(99);
  });

  it('keeps text that already fits', () => {
    expect(truncateToBytes('short', 5)).toBe('short');
  });
});
