// The training session in Node on the cpu backend, driven through its commands as the worker
// drives it: single steps, NaN recovery, live learning-rate changes, training until stopped.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import type { Hyperparameters, TrainerEvent } from './protocol.ts';
import { TrainingSession } from './session.ts';

const corpus = { name: 'abc', text: 'abcdefghij klmnop. '.repeat(40) };
const tiny: Hyperparameters = {
  ...DEFAULT_HYPERPARAMETERS,
  hiddenSize: 16,
  seqLen: 8,
  batchSize: 4,
  epochs: 2,
};

function collect(hyper: Partial<Hyperparameters>, paused = false) {
  const events: TrainerEvent[] = [];
  const waiters: { test: (e: TrainerEvent) => boolean; resolve: () => void }[] = [];
  const session = new TrainingSession(
    corpus,
    { ...tiny, ...hyper },
    (e) => {
      events.push(e);
      for (const w of waiters.filter((x) => x.test(e))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    },
    paused,
  );
  const until = (test: (e: TrainerEvent) => boolean) =>
    events.some(test)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ test, resolve }));
  const of = <T extends TrainerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<TrainerEvent, { type: T }> => e.type === type);
  return { session, events, until, of };
}

const points = (c: ReturnType<typeof collect>) => c.of('progress').flatMap((e) => e.points);

describe('training session', () => {
  it('takes exactly one step per Step command while paused', async () => {
    const c = collect({}, true);
    const done = c.session.run('cpu');
    await c.until((e) => e.type === 'phase' && e.phase === 'paused');
    for (let k = 1; k <= 3; k++) {
      c.session.step();
      await c.until((e) => e.type === 'phase' && e.message === `Paused at step ${k}`);
    }
    expect(points(c).map((p) => p.step)).toEqual([1, 2, 3]);
    c.session.stop();
    await done;
    expect(c.events.at(-1)).toMatchObject({ phase: 'stopped', message: 'Stopped at step 3' });
  });

  it('recovers from a diverging loss: rolls back, halves the learning rate and pauses', async () => {
    const c = collect({ learningRate: 10, clipNorm: 1000 });
    const done = c.session.run('cpu');
    await c.until((e) => e.type === 'recovered');
    await c.until((e) => e.type === 'phase' && e.phase === 'paused');
    const recovered = c.of('recovered')[0]!;
    expect(recovered.learningRate).toBe(5);
    expect(recovered.message).toMatch(
      /(became NaN|became infinite|diverged to [\d.]+ nats).* at step \d+/,
    );
    expect(c.session.live.learningRate).toBe(5);
    // Every reported loss is finite, and none is reported for a step after the rollback.
    expect(points(c).every((p) => Number.isFinite(p.loss))).toBe(true);
    c.session.stop();
    await done;
  });

  it('uses a learning rate changed while training from the next step on', async () => {
    const c = collect({ epochs: 0 });
    const done = c.session.run('cpu');
    await c.until((e) => e.type === 'progress');
    c.session.live.learningRate = 0.0042;
    await c.until((e) => e.type === 'progress' && e.learningRate === 0.0042);
    c.session.stop();
    await done;
    expect(c.of('started')[0]!.totalSteps).toBeNull();
    expect(c.events.at(-1)).toMatchObject({ type: 'phase', phase: 'stopped' });
  });

  it('trains with carried state and finishes a fixed run with a sample and a validation loss', async () => {
    const c = collect({ carryState: true, cell: 'gru', epochs: 1 });
    await c.session.run('cpu');
    const started = c.of('started')[0]!;
    expect(points(c).length).toBe(started.totalSteps);
    expect(c.of('sample').length).toBeGreaterThan(0);
    expect(c.of('validation').at(-1)!.step).toBe(started.totalSteps);
    expect(c.events.at(-1)).toMatchObject({ type: 'phase', phase: 'done' });
  });
});

describe('saving and resuming', () => {
  it('sends a checkpoint when done, and a resumed run continues at the next step and loss', async () => {
    const first = collect({ epochs: 6 });
    await first.session.run('cpu');
    const saved = first.of('checkpoint').at(-1)!;
    expect(saved.reason).toBe('done');
    const freshLoss = points(first)[0]!.loss;
    const lastLoss = points(first).at(-1)!.loss;
    expect(lastLoss).toBeLessThan(freshLoss - 0.5);

    const events: TrainerEvent[] = [];
    const resumed = new TrainingSession(
      corpus,
      { ...tiny, epochs: 12 },
      (e) => events.push(e),
      true,
      {
        checkpoint: saved.checkpoint,
        learningRate: saved.learningRate,
      },
    );
    let failed: unknown = null;
    const done = resumed.run('cpu').catch((e: unknown) => (failed = e));
    resumed.step();
    for (let k = 0; k < 100 && !failed && !events.some((e) => e.type === 'progress'); k++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(failed).toBeNull();
    resumed.stop();
    await done;
    const next = events.flatMap((e) => (e.type === 'progress' ? e.points : []));
    expect(next[0]!.step).toBe(saved.checkpoint.step + 1);
    // Trained weights, not fresh ones: the loss goes on from where the saved run left it.
    expect(next[0]!.loss).toBeLessThan(freshLoss - 0.5);
  });

  it('refuses to resume on a corpus with other characters', async () => {
    const first = collect({ epochs: 0.2 });
    await first.session.run('cpu');
    const saved = first.of('checkpoint').at(-1)!;
    const other = new TrainingSession(
      { name: 'other', text: 'xyz '.repeat(200) },
      tiny,
      () => {},
      false,
      { checkpoint: saved.checkpoint, learningRate: 0.01 },
    );
    await expect(other.run('cpu')).rejects.toThrow(/do not match this corpus/);
  });

  it('exports the current weights as LayersModel files', async () => {
    const c = collect({ epochs: 0.2, cell: 'rnn' });
    await c.session.run('cpu');
    const files = await c.session.current!.exportModel();
    const json = JSON.parse(files.modelJson) as { userDefinedMetadata: { vocabulary: string[] } };
    expect(json.userDefinedMetadata.vocabulary.join('')).toBe(
      [...new Set(corpus.text)].sort().join(''),
    );
    expect(files.weights.byteLength).toBeGreaterThan(0);
  });
});
