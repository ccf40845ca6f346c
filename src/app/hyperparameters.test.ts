import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { checkText, toText } from './hyperparameters.ts';

describe('form text', () => {
  it('round-trips the defaults and finds them valid', () => {
    const checked = checkText(toText(DEFAULT_HYPERPARAMETERS));
    expect(checked.values).toEqual(DEFAULT_HYPERPARAMETERS);
    expect(checked.valid).toBe(true);
  });

  it('treats an empty field as missing, not zero', () => {
    const checked = checkText({ ...toText(DEFAULT_HYPERPARAMETERS), seed: '' });
    expect(checked.valid).toBe(false);
    expect(checked.errors.seed).toBe('Seed must be a number.');
  });

  it('reports out-of-range and fractional values per field', () => {
    const checked = checkText({
      ...toText(DEFAULT_HYPERPARAMETERS),
      layers: '9',
      batchSize: '2.5',
    });
    expect(Object.keys(checked.errors).sort()).toEqual(['batchSize', 'layers']);
  });
});
