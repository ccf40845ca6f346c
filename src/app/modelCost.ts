// What the form's model will cost before it trains: parameters, FLOPs and memory from the model's
// shape (src/model/cost.ts), and a time per epoch from a measured or assumed speed, with the
// warnings the issue asks for. Pure, so the numbers and wording are unit-tested.
import type { BackendName, Hyperparameters } from '../workers/protocol.ts';
import { parameterCount, trainingFlopsPerChar, trainingMemoryBytes } from '../model/cost.ts';
import { backendLabel, formatDuration, formatInt } from './format.ts';

/**
 * Effective training speed assumed before anything has run: 5 GFLOP/s. Our wasm trainer sustained
 * 7-12 GFLOP/s on the project's 2-core machine (1x128 LSTM, 15,000-27,000 chars/s in headless
 * Chromium); this rounds down, as a warning that comes too early costs less than a 40-minute
 * epoch nobody expected. Replaced by the measured speed once a run has reported.
 */
export const ASSUMED_FLOPS_PER_SEC = 5e9;

/** Above this, an epoch is too long to watch during a workshop: warn. */
export const SLOW_EPOCH_SECONDS = 10 * 60;

/**
 * Speed measured on a run. flopsPerChar × charsPerSec is the FLOP rate the machine achieved, which
 * estimates how fast a model of another shape would train.
 */
export interface Throughput {
  charsPerSec: number;
  /** Training FLOPs per character of the model that was measured. */
  flopsPerChar: number;
  backend: BackendName | null;
}

export function measureThroughput(
  hyper: Hyperparameters,
  vocabSize: number,
  charsPerSec: number,
  backend: BackendName | null,
): Throughput {
  const { cell, embeddingSize, layers, hiddenSize } = hyper;
  const flopsPerChar = trainingFlopsPerChar({ cell, embeddingSize, layers, hiddenSize, vocabSize });
  return { charsPerSec, flopsPerChar, backend };
}

export interface CorpusSize {
  /** Characters in the whole corpus (the manifest's count). */
  chars: number;
  /** Distinct characters: the model's vocabulary (input and output width). */
  vocabSize: number;
}

export type SpeedSource =
  /** No run yet: ASSUMED_FLOPS_PER_SEC. */
  | { kind: 'assumed' }
  /** The last run had this model's FLOPs per character: its chars/s as measured. */
  | { kind: 'measured'; throughput: Throughput }
  /** The last run's FLOP rate, applied to this model's FLOPs per character. */
  | { kind: 'scaled'; throughput: Throughput };

export interface CostEstimate {
  params: number;
  flopsPerChar: number;
  memoryBytes: number;
  /** Characters in one epoch: the corpus less its validation share. */
  trainChars: number;
  charsPerSec: number;
  secondsPerEpoch: number;
  speed: SpeedSource;
  /** More parameters than training characters. */
  memorises: boolean;
  /** An epoch takes longer than SLOW_EPOCH_SECONDS. */
  slow: boolean;
}

export function estimateCost(
  hyper: Hyperparameters,
  corpus: CorpusSize,
  throughput: Throughput | null,
): CostEstimate {
  const shape = {
    cell: hyper.cell,
    vocabSize: corpus.vocabSize,
    embeddingSize: hyper.embeddingSize,
    layers: hyper.layers,
    hiddenSize: hyper.hiddenSize,
  };
  const params = parameterCount(shape);
  const flopsPerChar = trainingFlopsPerChar(shape);
  const memoryBytes = trainingMemoryBytes(shape, hyper.optimizer, hyper.batchSize, hyper.seqLen);
  // As the worker splits: the validation share rounds down, training gets the rest.
  const trainChars = corpus.chars - Math.floor(corpus.chars * hyper.valFraction);

  let speed: SpeedSource = { kind: 'assumed' };
  let flopsPerSec = ASSUMED_FLOPS_PER_SEC;
  if (throughput !== null && throughput.charsPerSec > 0 && throughput.flopsPerChar > 0) {
    flopsPerSec = throughput.charsPerSec * throughput.flopsPerChar;
    const same = throughput.flopsPerChar === flopsPerChar;
    speed = { kind: same ? 'measured' : 'scaled', throughput };
  }
  const charsPerSec = flopsPerSec / flopsPerChar;
  const secondsPerEpoch = trainChars / charsPerSec;
  return {
    params,
    flopsPerChar,
    memoryBytes,
    trainChars,
    charsPerSec,
    secondsPerEpoch,
    speed,
    memorises: params > trainChars,
    slow: secondsPerEpoch > SLOW_EPOCH_SECONDS,
  };
}

function speedBasis(speed: SpeedSource): string {
  if (speed.kind === 'assumed') return 'assuming ~5 GFLOP/s, as WebAssembly manages on a laptop';
  const { throughput } = speed;
  const on = throughput.backend === null ? '' : ` on ${backendLabel(throughput.backend)}`;
  if (speed.kind === 'measured') return `measured on the latest run${on}`;
  return `scaled from the latest run's ${formatInt(throughput.charsPerSec)} chars/s${on}`;
}

/** "≈ 3 min per epoch at ~15,000 chars/s (estimate, measured on the last run on wasm)". */
export function describeEpochTime(estimate: CostEstimate): string {
  return (
    `≈ ${formatDuration(estimate.secondsPerEpoch)} per epoch at ` +
    `~${formatInt(estimate.charsPerSec)} chars/s (estimate, ${speedBasis(estimate.speed)})`
  );
}

/** Why this model may disappoint on this corpus and backend; empty when nothing stands out. */
export function costWarnings(estimate: CostEstimate): string[] {
  const warnings: string[] = [];
  if (estimate.memorises) {
    warnings.push(
      `Large for this corpus: ${formatInt(estimate.params)} parameters for ` +
        `${formatInt(estimate.trainChars)} training characters, so it will likely memorise the ` +
        'text rather than generalise. Try fewer or smaller layers, or some dropout.',
    );
  }
  if (estimate.slow) {
    warnings.push(
      `Slow: ≈ ${formatDuration(estimate.secondsPerEpoch)} per epoch at ` +
        `~${formatInt(estimate.charsPerSec)} chars/s. Try a smaller model, fewer epochs, or a ` +
        'GPU backend.',
    );
  }
  return warnings;
}
