import { describe, expect, it } from 'vitest';
import { choosePrime, isValidationStep, sampleSteps, validationInterval } from './schedule.ts';

describe('schedule', () => {
  it('samples at 0.03, 0.1 and 0.4 epochs, then every epoch and at the end', () => {
    expect(sampleSteps(1000, 2500)).toEqual([30, 100, 400, 1000, 2000, 2500]);
  });

  it('never samples before step 1 or after the last step, even on tiny runs', () => {
    expect(sampleSteps(10, 5)).toEqual([1, 4, 5]);
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
