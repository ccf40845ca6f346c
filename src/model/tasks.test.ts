import { describe, expect, it } from 'vitest';
import { additionProblems, exactMatchAccuracy, isAdditionCorpus } from './addition.ts';
import { buildCopyIndex, copiedSpans } from './memorisation.ts';
import { buildVocab, encode } from './vocab.ts';

describe('memorisation matcher', () => {
  const training = 'It was the best of times, it was the worst of times, it was the age of wisdom.';
  const vocab = buildVocab(training + 'XYZ');

  it('marks spans of 20+ characters copied word for word, merged where they overlap', () => {
    const sample = 'XX it was the worst of times, it wYZ';
    const spans = copiedSpans(buildCopyIndex(encode(vocab, training), 20), encode(vocab, sample));
    expect(spans).toHaveLength(1);
    const [span] = spans;
    expect([...sample].slice(span!.start, span!.end).join('')).toBe(
      ' it was the worst of times, it w',
    );
  });

  it('ignores copies shorter than the minimum', () => {
    const index = buildCopyIndex(encode(vocab, training), 20);
    expect(copiedSpans(index, encode(vocab, 'XYZ the best of times XYZ'))).toEqual([]);
  });
});

describe('addition scorer', () => {
  const text = '216+648=864\n1+2=3\nbad line\n5+5=11\n12+30=42\n';

  it('takes correct held-out lines as prompts and answers', () => {
    expect(additionProblems(text, 10)).toEqual([
      { prompt: '216+648=', answer: '864' },
      { prompt: '1+2=', answer: '3' },
      { prompt: '12+30=', answer: '42' },
    ]);
    expect(additionProblems(text, 1)).toHaveLength(1);
  });

  it('scores exact matches up to the line end', () => {
    const problems = additionProblems(text, 10);
    expect(exactMatchAccuracy(problems, ['864\n7+', '3', '43\n'])).toBeCloseTo(2 / 3, 12);
    expect(exactMatchAccuracy(problems, ['8640', '3\n', '42\n'])).toBeCloseTo(2 / 3, 12);
  });

  it('recognises an addition corpus', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `${i}+${i}=${2 * i}`).join('\n');
    expect(isAdditionCorpus(lines)).toBe(true);
    expect(isAdditionCorpus('Mr. President, Mr. Speaker.\n'.repeat(20))).toBe(false);
  });
});
