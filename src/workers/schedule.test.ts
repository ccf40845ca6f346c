import { describe, expect, it } from 'vitest';
import { choosePrime, isSampleStep, isValidationStep, validationInterval } from './schedule.ts';

const sampled = (perEpoch: number, total: number | null, upTo: number) =>
  Array.from({ length: upTo }, (_, i) => i + 1).filter((s) => isSampleStep(s, perEpoch, total));

describe('schedule', () => {
  it('samples at 0.03, 0.1 and 0.4 epochs, then every epoch and at the end', () => {
    expect(sampled(1000, 2500, 2500)).toEqual([30, 100, 400, 1000, 2000, 2500]);
  });

  it('never samples before step 1 or after the last step, even on tiny runs', () => {
    expect(sampled(10, 5, 5)).toEqual([1, 4, 5]);
  });

  it('keeps sampling every epoch when training until stopped', () => {
    expect(sampled(100, null, 350)).toEqual([3, 10, 40, 100, 200, 300]);
  });

  it('validates about ten times an epoch, at epoch ends and at the last step', () => {
    expect(validationInterval(1000)).toBe(100);
    expect(validationInterval(50)).toBe(20);
    expect(isValidationStep(100, 1000, 5000)).toBe(true);
    expect(isValidationStep(150, 1000, 5000)).toBe(false);
    expect(isValidationStep(77, 77, 200)).toBe(true);
    expect(isValidationStep(199, 1000, 199)).toBe(true);
  });

  it('primes samples with the first word, or the first 4 characters', () => {
    expect(choosePrime('Mr. President, Mr. Speaker')).toBe('Mr. ');
    expect(choosePrime('216+648=864\n1+2=3\n')).toBe('216+648=864\n');
    expect(choosePrime('床前明月光疑是地上霜举头望明月低头思故乡床前明月光')).toBe('床前明月');
  });
});
