import { describe, expect, it } from 'vitest';
import { savedRun } from './savedRun.fixture.ts';
import { parseRunFile, runFileName, runFromFile, toRunFile, RUN_FILE_LIMITS } from './runFile.ts';

const good = () => JSON.parse(JSON.stringify(toRunFile(savedRun()))) as Record<string, unknown>;
const text = (value: unknown) => JSON.stringify(value);

describe('run files', () => {
  it('round-trips a saved run (settings, vocabulary, history, samples)', () => {
    const run = savedRun({
      history: {
        ...savedRun().history,
        samples: [
          {
            step: 2,
            epoch: 0.1,
            loss: null,
            prime: 'T',
            temperature: 0.8,
            text: '12+3=15',
            copied: [{ start: 0, end: 3 }],
          },
        ],
      },
    });
    const file = parseRunFile(JSON.stringify(toRunFile(run)));
    expect(file).toEqual(toRunFile(run));
    const imported = runFromFile(file, 'run-x', 5);
    expect(imported).toMatchObject({ id: 'run-x', reason: 'imported', savedAt: 5 });
    expect(imported.name).toBe(`${run.name} (imported)`);
    expect(imported.history).toEqual(run.history);
  });

  it('names the file after the run', () => {
    expect(runFileName({ name: 'Addition · LSTM 1×16 · 1 Jan, 10:00' })).toBe(
      'Addition-LSTM-1x16-1-Jan-10-00.run.json',
    );
    expect(runFileName({ name: '···' })).toBe('run.run.json');
  });

  it.each([
    ['bad JSON', '{"format": "rnn-playground-run",', /not valid JSON/],
    ['another format', text({ format: 'something-else' }), /not an RNN Playground run file/],
    ['a newer version', text({ ...good(), version: 2 }), /version 2/],
    ['a hostile array', text([1, 2, 3]), /not an RNN Playground run file/],
    [
      'settings out of range',
      text({ ...good(), hyper: { ...(good().hyper as object), layers: 99 } }),
      /out of range/,
    ],
    [
      'an unknown cell',
      text({ ...good(), hyper: { ...(good().hyper as object), cell: 'transformer' } }),
      /cell "transformer"/,
    ],
    ['a repeated vocabulary', text({ ...good(), vocabulary: ['a', 'a'] }), /repeats/],
    [
      'a multi-character vocabulary entry',
      text({ ...good(), vocabulary: ['ab'] }),
      /one character/,
    ],
    [
      'a loss that is not a number',
      text({
        ...good(),
        history: { ...(good().history as object), trainLoss: [{ step: 1, loss: 'x' }] },
      }),
      /training-loss point/,
    ],
    [
      'a copied span outside its sample',
      text({
        ...good(),
        history: {
          ...(good().history as object),
          samples: [
            {
              step: 1,
              epoch: 0,
              loss: 1,
              prime: '',
              temperature: 1,
              text: 'ab',
              copied: [{ start: 0, end: 9 }],
            },
          ],
        },
      }),
      /copied span/,
    ],
    ['an unknown backend', text({ ...good(), backend: 'cuda' }), /backend "cuda"/],
    ['a negative step', text({ ...good(), step: -1 }), /step/],
  ])('refuses %s with a clear message', (_what, source, message) => {
    expect(() => parseRunFile(source)).toThrow(message);
    expect(() => parseRunFile(source)).toThrow(/^This is not a usable run file/);
  });

  it('refuses absurd sizes before parsing', () => {
    const huge = {
      ...good(),
      history: {
        ...(good().history as object),
        samples: Array.from({ length: RUN_FILE_LIMITS.samples + 1 }, () => ({})),
      },
    };
    expect(() => parseRunFile(text(huge))).toThrow(/at most 1000/);
    expect(() => parseRunFile(' '.repeat(RUN_FILE_LIMITS.bytes + 1))).toThrow(/larger/);
  });

  it('keeps only the fields it knows', () => {
    const file = parseRunFile(
      text({ ...good(), extra: 'x', hyper: { ...(good().hyper as object), junk: 1 } }),
    );
    expect(file).not.toHaveProperty('extra');
    expect(file.hyper).not.toHaveProperty('junk');
  });
});
