// Generation, inspection and the run's reference figures, through a session in Node (cpu).
import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import type { Hyperparameters, TrainerEvent } from './protocol.ts';
import { TrainingSession } from './session.ts';

const tiny: Hyperparameters = {
  ...DEFAULT_HYPERPARAMETERS,
  hiddenSize: 16,
  seqLen: 8,
  batchSize: 4,
  epochs: 1,
};

async function trainedSession(text: string, hyper: Partial<Hyperparameters> = {}) {
  const events: TrainerEvent[] = [];
  const session = new TrainingSession(
    { name: 't', text },
    { ...tiny, ...hyper },
    (e) => events.push(e),
    false,
  );
  await session.run('cpu');
  const of = <T extends TrainerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<TrainerEvent, { type: T }> => e.type === type);
  return { session, events, of };
}

const prose = 'the cat sat on the mat. the dog sat on the log. '.repeat(30);

describe('insights', () => {
  it('post n-gram baselines that improve with order on repetitive text', async () => {
    const { of } = await trainedSession(prose);
    const losses = of('baselines')[0]!.losses;
    expect(losses.map((l) => l.order)).toEqual([1, 2, 3, 4, 5]);
    expect(losses[4]!.loss).toBeLessThan(losses[0]!.loss);
  });

  it('stream a generation from the finished model, and refuse a prime outside the vocabulary', async () => {
    const { session, of } = await trainedSession(prose);
    await session.insights!.generate({
      type: 'generate',
      id: 1,
      prime: 'the ',
      length: 40,
      temperature: 0.5,
      topK: 5,
      source: { kind: 'network' },
    });
    const chunks = of('generated').filter((e) => e.id === 1);
    expect(chunks.map((e) => e.chunk).join('')).toHaveLength(40);
    expect(chunks.at(-1)).toMatchObject({ done: true, error: null });

    await session.insights!.generate({
      type: 'generate',
      id: 2,
      prime: 'Zebra',
      length: 10,
      temperature: 1,
      topK: null,
      source: { kind: 'ngram', order: 3 },
    });
    expect(of('generated').find((e) => e.id === 2)?.error).toMatch(/"Z"/);
  });

  it('generate from an n-gram model of the training text', async () => {
    const { session, of } = await trainedSession(prose);
    await session.insights!.generate({
      type: 'generate',
      id: 3,
      prime: 'the c',
      length: 30,
      temperature: 0,
      topK: null,
      source: { kind: 'ngram', order: 4 },
    });
    // The argmax of an order-4 chain of this text continues "the c" as the text does.
    expect(
      of('generated')
        .filter((e) => e.id === 3)
        .map((e) => e.chunk)
        .join(''),
    ).toMatch(/^at sat on the /);
  });

  it('inspect a snippet: every gate per position and the top next characters', async () => {
    const { session, of } = await trainedSession(prose, { layers: 2, cell: 'gru' });
    await session.insights!.inspect(7, 'the cat', 3);
    const result = of('inspection')[0]!;
    expect(result.chars).toEqual([...'the cat']);
    expect(result.gates).toEqual(['update', 'reset', 'candidate', 'hidden']);
    expect(result.activations).toHaveLength(2);
    expect(result.activations[0]![0]).toHaveLength(7 * 16);
    expect(result.next[0]!.chars).toHaveLength(3);
    expect(result.next[0]!.probs[0]).toBeGreaterThanOrEqual(result.next[0]!.probs[1]!);
    await session.insights!.inspect(8, 'the ©', 3);
    expect(of('inspectionFailed')[0]!.message).toMatch(/"©"/);
  });

  it('score held-out sums on the addition corpus and mark copied spans in samples', async () => {
    const lines = Array.from(
      { length: 400 },
      (_, i) => `${i % 37}+${i % 11}=${(i % 37) + (i % 11)}`,
    );
    const { of } = await trainedSession(`${lines.join('\n')}\n`, { seqLen: 12 });
    const accuracy = of('taskAccuracy');
    expect(accuracy.length).toBeGreaterThan(0);
    expect(accuracy[0]!.problems).toBeGreaterThan(0);
    expect(accuracy.every((a) => a.accuracy >= 0 && a.accuracy <= 1)).toBe(true);
    expect(of('sample').every((s) => Array.isArray(s.copied))).toBe(true);
  });
});
