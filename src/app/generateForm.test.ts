import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GENERATE_FIELDS,
  SOURCE_OPTIONS,
  checkGenerateFields,
  describeSource,
  describeTemperature,
  parseSource,
} from './generateForm.ts';

const fields = { ...DEFAULT_GENERATE_FIELDS, prime: 'The ' };

describe('checkGenerateFields', () => {
  it('turns the defaults into a network request sampling from every character', () => {
    expect(checkGenerateFields(fields)).toEqual({
      ok: true,
      request: {
        prime: 'The ',
        length: 200,
        temperature: 0.8,
        topK: null,
        source: { kind: 'network' },
      },
    });
  });

  it('reads top-k, with 0 meaning all characters', () => {
    const k = checkGenerateFields({ ...fields, topK: ' 5 ' });
    expect(k.ok && k.request.topK).toBe(5);
    const zero = checkGenerateFields({ ...fields, topK: '0' });
    expect(zero.ok && zero.request.topK).toBeNull();
  });

  it('names the field that is wrong', () => {
    expect(checkGenerateFields({ ...fields, length: '0' })).toMatchObject({ field: 'length' });
    expect(checkGenerateFields({ ...fields, length: '2.5' })).toMatchObject({ field: 'length' });
    expect(checkGenerateFields({ ...fields, length: '10001' })).toMatchObject({ field: 'length' });
    expect(checkGenerateFields({ ...fields, temperature: 2.5 })).toMatchObject({
      field: 'temperature',
    });
    expect(checkGenerateFields({ ...fields, topK: '-1' })).toMatchObject({ field: 'topK' });
  });

  it('allows temperature 0, the argmax', () => {
    const argmax = checkGenerateFields({ ...fields, temperature: 0 });
    expect(argmax.ok && argmax.request.temperature).toBe(0);
    expect(describeTemperature(0)).toBe('argmax (T=0)');
    expect(describeTemperature(0.8)).toBe('T=0.80');
  });
});

describe('sources', () => {
  it('offers the network and n-gram orders 1 to 5', () => {
    expect(SOURCE_OPTIONS.map((o) => o.label)).toEqual([
      'Network',
      'n-gram, order 1',
      'n-gram, order 2',
      'n-gram, order 3',
      'n-gram, order 4',
      'n-gram, order 5',
    ]);
  });

  it('parses a select value, falling back to the network', () => {
    expect(parseSource('ngram-3')).toEqual({ kind: 'ngram', order: 3 });
    expect(parseSource('ngram-9')).toEqual({ kind: 'network' });
    expect(describeSource({ kind: 'ngram', order: 2 })).toBe('the order-2 n-gram model');
  });
});
