import { describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { findPreset } from '../model/presets.ts';
import {
  ASSUMED_FLOPS_PER_SEC,
  costWarnings,
  describeEpochTime,
  estimateCost,
} from './modelCost.ts';

const sotu = { chars: 984_110, vocabSize: 89 };
const addition = { chars: 245_411, vocabSize: 13 };
/** Training FLOPs per character of the default model on sotu: 3 x (2·128·89 + 2·512·128). */
const DEFAULT_FLOPS = 3 * (2 * 128 * 89 + 2 * 512 * 128);

function presetHyper(id: string) {
  const preset = findPreset(id);
  if (preset === undefined) throw new Error(`no preset ${id}`);
  return preset.hyper;
}

describe('estimateCost', () => {
  it('sizes the default model from its shape and the corpus vocabulary', () => {
    const estimate = estimateCost(DEFAULT_HYPERPARAMETERS, sotu, null);
    // Kernel [89, 512], recurrent [128, 512], bias 512, output [128, 89] and its bias.
    expect(estimate.params).toBe(89 * 512 + 128 * 512 + 512 + 128 * 89 + 89);
    expect(estimate.flopsPerChar).toBe(DEFAULT_FLOPS);
    expect(estimate.trainChars).toBe(984_110 - 98_411);
    expect(estimate.memoryBytes).toBeGreaterThan(estimate.params * 4);
  });

  it('assumes ~5 GFLOP/s before any run has measured the machine', () => {
    const estimate = estimateCost(DEFAULT_HYPERPARAMETERS, sotu, null);
    expect(estimate.speed.kind).toBe('assumed');
    expect(estimate.charsPerSec).toBeCloseTo(ASSUMED_FLOPS_PER_SEC / DEFAULT_FLOPS);
    expect(estimate.secondsPerEpoch).toBeCloseTo((885_699 * DEFAULT_FLOPS) / 5e9);
    expect(describeEpochTime(estimate)).toBe(
      '≈ 1 min per epoch at ~10,833 chars/s (estimate, assuming ~5 GFLOP/s, as ' +
        'WebAssembly manages on a laptop)',
    );
    expect(costWarnings(estimate)).toEqual([]);
  });

  it("uses the latest run's chars/s as measured when the model is the same", () => {
    const throughput = {
      charsPerSec: 15_000,
      flopsPerChar: DEFAULT_FLOPS,
      backend: 'wasm' as const,
    };
    const estimate = estimateCost(DEFAULT_HYPERPARAMETERS, sotu, throughput);
    expect(estimate.speed.kind).toBe('measured');
    expect(estimate.charsPerSec).toBe(15_000);
    expect(describeEpochTime(estimate)).toBe(
      '≈ 59 s per epoch at ~15,000 chars/s (estimate, measured on the latest run on wasm)',
    );
  });

  it("scales the latest run's FLOP rate to a different model", () => {
    const throughput = {
      charsPerSec: 15_000,
      flopsPerChar: DEFAULT_FLOPS,
      backend: 'wasm' as const,
    };
    const bigger = { ...DEFAULT_HYPERPARAMETERS, hiddenSize: 256 };
    const estimate = estimateCost(bigger, sotu, throughput);
    expect(estimate.speed.kind).toBe('scaled');
    expect(estimate.charsPerSec * estimate.flopsPerChar).toBeCloseTo(15_000 * DEFAULT_FLOPS);
    expect(describeEpochTime(estimate)).toContain("scaled from the latest run's 15,000 chars/s");
  });

  it('warns that a big model will memorise a small corpus', () => {
    const estimate = estimateCost(presetHyper('lyrics'), addition, null);
    expect(estimate.memorises).toBe(true);
    expect(costWarnings(estimate)[0]).toMatch(
      /parameters for 220,870 training characters, so it will likely memorise the text rather than generalise/,
    );
  });

  it('warns when an epoch would take more than ten minutes', () => {
    const estimate = estimateCost(presetHyper('code'), sotu, null);
    expect(estimate.slow).toBe(true);
    expect(costWarnings(estimate).some((w) => w.startsWith('Slow: ≈ '))).toBe(true);
    const quick = estimateCost(presetHyper('quick'), sotu, null);
    expect(quick.slow).toBe(false);
  });
});
