// The benchmark's configurations (from issue 7), its synthetic corpus and the batches both trainers
// see. Pure TS: the same batches are replayed on every backend, so rows compare like with like.
import { randomBatch, type Batch } from '../../model/batches.ts';
import type { NetworkShape } from '../../model/cost.ts';
import { CELL_GATES } from '../../model/kinds.ts';
import { deriveRng, randomInt } from '../../model/random.ts';
import type { BenchConfig } from './types.ts';

/** 65 symbols, the size of tiny-shakespeare's vocabulary. */
export const VOCAB = 65;

export const CONFIGS: BenchConfig[] = [
  { name: '1x128 LSTM', cell: 'lstm', layers: 1, hidden: 128, batch: 32, seqLen: 50, vocab: VOCAB },
  { name: '2x512 LSTM', cell: 'lstm', layers: 2, hidden: 512, batch: 64, seqLen: 64, vocab: VOCAB },
  { name: '3x512 GRU', cell: 'gru', layers: 3, hidden: 512, batch: 64, seqLen: 30, vocab: VOCAB },
];

/** The tensor-count check's model: small enough that 1,000 steps take seconds on wasm and cpu. */
export const TENSOR_COUNT_CONFIG: BenchConfig = {
  name: '1x32 LSTM',
  cell: 'lstm',
  layers: 1,
  hidden: 32,
  batch: 8,
  seqLen: 16,
  vocab: VOCAB,
};

/** Generation is measured on this one (issue 7: "generation at 2x512"). */
export const GENERATION_CONFIG: BenchConfig = CONFIGS[1]!;

/** How long each trainer may run on a row. */
export interface RowBudget {
  warmupSteps: number;
  maxSteps: number;
  /** The timed window stops after this many seconds (at least one step is always taken). */
  seconds: number;
}

export function rowBudget(config: BenchConfig, short: boolean): RowBudget {
  if (short) return { warmupSteps: 2, maxSteps: 20, seconds: 4 };
  // The small model is cheap: enough steps for a stable figure. The large ones cost seconds a step.
  if (config.hidden <= 128) return { warmupSteps: 3, maxSteps: 60, seconds: 10 };
  return { warmupSteps: 1, maxSteps: 10, seconds: 20 };
}

export function configsFor(short: boolean): BenchConfig[] {
  return short ? CONFIGS.slice(0, 1) : CONFIGS;
}

export function networkShape(config: BenchConfig): NetworkShape {
  return {
    cell: config.cell,
    vocabSize: config.vocab,
    embeddingSize: 0, // one-hot input, as the reference's
    layers: config.layers,
    hiddenSize: config.hidden,
  };
}

export function gateWidth(config: BenchConfig): number {
  return CELL_GATES[config.cell] * config.hidden;
}

/**
 * Text with structure to learn: a first-order Markov chain where each symbol has four likely
 * successors. Speed does not depend on the text; a falling loss shows both trainers really train.
 */
export function syntheticCorpus(length: number, seed: number): Int32Array {
  const rng = deriveRng(seed, 'bench-corpus');
  const successors = Array.from({ length: VOCAB }, () =>
    Array.from({ length: 4 }, () => randomInt(rng, VOCAB)),
  );
  const ids = new Int32Array(length);
  for (let i = 1; i < length; i++) {
    const likely = successors[ids[i - 1]!]!;
    ids[i] = rng() < 0.9 ? likely[randomInt(rng, 4)]! : randomInt(rng, VOCAB);
  }
  return ids;
}

/** Distinct batches, replayed in turn: enough that caching one batch could not flatter a trainer. */
export const POOL_SIZE = 8;

export function batchPool(config: BenchConfig, seed: number): Batch[] {
  const corpus = syntheticCorpus(100_000, seed);
  const rng = deriveRng(seed, `bench-batches-${config.name}`);
  return Array.from({ length: POOL_SIZE }, () =>
    randomBatch(corpus, config.batch, config.seqLen, rng),
  );
}
