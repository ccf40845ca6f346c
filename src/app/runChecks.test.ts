import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS, minimumCorpusChars } from '../model/config.ts';
import { checkForm, toForm } from './hyperparameters.ts';
import { corpusTooShort, trainBlockedReason } from './runChecks.ts';

const corpus = { title: 'Addition', chars: 245_411 };
const defaults = checkForm(toForm(DEFAULT_HYPERPARAMETERS));

describe('trainBlockedReason', () => {
  it('lets valid settings on a long enough corpus train', () => {
    expect(trainBlockedReason('ready', defaults, corpus)).toBeNull();
  });

  it('waits for the library, or explains it failed', () => {
    expect(trainBlockedReason('loading', defaults, corpus)).toMatch(/waiting/i);
    expect(trainBlockedReason('error', defaults, corpus)).toMatch(/library/i);
  });

  it('names invalid fields, choices included, by their labels', () => {
    const form = toForm(DEFAULT_HYPERPARAMETERS);
    const checked = checkForm({
      ...form,
      schedule: 'cosine',
      untilStopped: true,
      text: { ...form.text, seed: '' },
    });
    expect(trainBlockedReason('ready', checked, corpus)).toBe(
      'Fix these fields to train: Seed, Learning-rate schedule.',
    );
  });

  it('refuses a corpus too short for the sequence length and validation share', () => {
    const tiny = { title: 'Tiny', chars: 500 };
    const reason = trainBlockedReason('ready', defaults, tiny);
    expect(reason).toContain(`needs at least ${minimumCorpusChars(50, 0.1)}`);
    expect(reason).toMatch(/^"Tiny" has 500 characters/);
  });
});

describe('corpusTooShort', () => {
  it('accepts exactly the minimum', () => {
    const needed = minimumCorpusChars(50, 0.1);
    const hyper = DEFAULT_HYPERPARAMETERS;
    expect(corpusTooShort({ title: 'T', chars: needed }, hyper)).toBeNull();
    expect(corpusTooShort({ title: 'T', chars: needed - 1 }, hyper)).not.toBeNull();
  });
});
