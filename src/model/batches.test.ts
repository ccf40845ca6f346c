import { describe, expect, it } from 'vitest';
import {
  randomBatch,
  sequentialBatches,
  splitTrainVal,
  stepsPerEpoch,
  toTimeMajor,
} from './batches.ts';
import { mulberry32 } from './random.ts';

const ids = Int32Array.from({ length: 1000 }, (_, i) => i);

describe('batches', () => {
  it('splits contiguously, 90 % training then 10 % validation', () => {
    const { train, val } = splitTrainVal(ids, 0.1);
    expect(train.length).toBe(900);
    expect(val.length).toBe(100);
    expect(train[899]).toBe(899);
    expect(val[0]).toBe(900);
  });

  it('makes [batch, time] windows whose targets are the inputs shifted by one', () => {
    const batch = randomBatch(ids, 4, 10, mulberry32(1));
    expect(batch.inputs.length).toBe(40);
    expect(batch.targets.length).toBe(40);
    for (let row = 0; row < 4; row++) {
      const start = batch.inputs[row * 10]!;
      for (let t = 0; t < 10; t++) {
        expect(batch.inputs[row * 10 + t]).toBe(start + t);
        expect(batch.targets[row * 10 + t]).toBe(start + t + 1);
      }
      expect(start + 10).toBeLessThan(ids.length);
    }
  });

  it('draws the same batches from the same seed', () => {
    const a = randomBatch(ids, 8, 5, mulberry32(3));
    const b = randomBatch(ids, 8, 5, mulberry32(3));
    expect(Array.from(a.inputs)).toEqual(Array.from(b.inputs));
  });

  it('refuses text shorter than one window', () => {
    expect(() => randomBatch(ids.subarray(0, 10), 1, 10, mulberry32(1))).toThrow(/shorter/);
  });

  it('covers validation text with non-overlapping windows, capped in count', () => {
    const batches = sequentialBatches(ids, 2, 10, 100);
    expect(batches.length).toBe(49); // 99 windows of 10 (+1 target) -> 49 full batches of 2
    expect(batches[1]!.inputs[0]).toBe(20);
    expect(sequentialBatches(ids, 2, 10, 3).length).toBe(3);
  });

  it('counts an epoch as the steps that see the training text once', () => {
    expect(stepsPerEpoch(900, 4, 10)).toBe(22);
    expect(stepsPerEpoch(10, 4, 10)).toBe(1);
  });

  it('transposes [batch, time] ids to [time, batch]', () => {
    const tm = toTimeMajor(Int32Array.from([1, 2, 3, 4, 5, 6]), 2, 3);
    expect(Array.from(tm)).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
