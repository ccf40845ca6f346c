// The benchmark's options, messages and result rows. Types and pure functions only (no tfjs, no
// DOM), so the bench page, its worker and the Node runner (scripts/bench) share one definition.
import { BACKENDS, type BackendName } from '../protocol.ts';
import type { CellKind } from '../../model/kinds.ts';

export interface BenchOptions {
  backends: BackendName[];
  /** A quick look: only the smallest configuration, fewer and shorter steps. */
  short: boolean;
  /**
   * A row whose step is predicted (FLOPs over the measured matMul rate) to take longer than this
   * is skipped, so that SwiftShader and plain JS cannot hold a run for hours.
   */
  maxStepSeconds: number;
  /**
   * wasm thread counts to measure one after another (`--wasm-threads=1,2`), each on a fresh start
   * of the backend; empty: wasm once, with the thread count the app chooses.
   */
  wasmThreads: number[];
  /**
   * Our cells' fused point-wise kernels (src/model/pointwise) where a backend has them; false
   * (`--no-fused`) runs our trainer op by op everywhere, to show what the fusion brings.
   */
  fused: boolean;
  /** Only the configurations whose name contains this (`--only=2x512`); null: all. */
  only: string | null;
}

export const DEFAULT_MAX_STEP_SECONDS = 15;

/** Positive whole numbers from "1,2"; anything else dropped. */
export function parseThreadCounts(list: string): number[] {
  return list
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

/**
 * Options from a query string (`?backends=wasm,webgl&short=1&maxStep=20&wasmThreads=1,2`);
 * unknown names dropped.
 */
export function parseBenchOptions(search: string): BenchOptions {
  const params = new URLSearchParams(search);
  const asked = (params.get('backends') ?? BACKENDS.join(',')).split(',').map((s) => s.trim());
  const backends = BACKENDS.filter((b) => asked.includes(b));
  const maxStep = Number(params.get('maxStep'));
  return {
    backends,
    short: params.get('short') === '1',
    maxStepSeconds: Number.isFinite(maxStep) && maxStep > 0 ? maxStep : DEFAULT_MAX_STEP_SECONDS,
    wasmThreads: parseThreadCounts(params.get('wasmThreads') ?? ''),
    fused: params.get('fused') !== '0',
    only: params.get('only') || null,
  };
}

export function benchQuery(options: BenchOptions): string {
  const params = new URLSearchParams({
    backends: options.backends.join(','),
    short: options.short ? '1' : '0',
    maxStep: String(options.maxStepSeconds),
    wasmThreads: options.wasmThreads.join(','),
    fused: options.fused ? '1' : '0',
    only: options.only ?? '',
  });
  return `?${params.toString()}`;
}

export interface BenchConfig {
  name: string; // e.g. "2x512 LSTM"
  cell: CellKind;
  layers: number;
  hidden: number;
  batch: number;
  seqLen: number;
  vocab: number;
}

/** How one trainer did on one row; figures are null when it did not run. */
export interface TrainerFigures {
  status: 'ok' | 'skipped' | 'failed';
  /** Why it was skipped or failed. */
  reason: string | null;
  warmupSteps: number;
  /** Seconds of the last warm-up step (the first also compiles shaders). */
  warmupStepSeconds: number | null;
  steps: number;
  seconds: number;
  charsPerSecond: number | null;
  /** The last timed step's loss (nats per character): a sanity check, not a score. */
  finalLoss: number | null;
  tensorsBefore: number | null;
  tensorsAfter: number | null;
  /** Achieved FLOP/s over the matMul rate at 256^3, and over the step's own shapes. */
  utilisation256: number | null;
  utilisationStep: number | null;
}

/** matMul rates in GFLOP/s for one configuration's shapes. */
export interface StepMatMuls {
  /** [B, H] x [H, G*H]: the recurrent product of one timestep. */
  perStep: number;
  /** [T*B, H] x [H, G*H]: input projections and weight gradients of the whole sequence. */
  wholeSequence: number;
  /**
   * [H, T*B] x [T*B, G*H]: a weight gradient as one product over the whole sequence (shared
   * dimension T*B). Shown, not blended: it says whether a backend handles a long shared
   * dimension as well as the shapes above.
   */
  weightGradient: number;
  /** The step's matMul FLOPs over the time they take at the two rates above. */
  mix: number;
}

export interface BenchRow {
  backend: BackendName;
  config: BenchConfig;
  flopsPerChar: number;
  matMul: StepMatMuls | null;
  ours: TrainerFigures;
  reference: TrainerFigures;
  /** ours / reference chars/s, when both ran. */
  ratio: number | null;
}

export interface GenerationFigures {
  config: string;
  chars: number;
  seconds: number;
  charsPerSecond: number | null;
  reason: string | null;
}

export interface BackendReport {
  backend: BackendName;
  /** The table's name for it: the backend, or e.g. "wasm 2t" when thread counts are compared. */
  label: string;
  /** The threads wasm runs with (getThreadsCount()); null on other backends or before a start. */
  threads: number | null;
  started: boolean;
  /** Why it did not start. */
  reason: string | null;
  /** Device or library details, e.g. the SwiftShader adapter or wasm's thread count. */
  detail: string;
  /** matMul GFLOP/s at 256x256x256, by the product our trainer calls. */
  matMul256: number | null;
  /** tf.matMul's own rate at 256^3 where that product is ours (cpu); null elsewhere. */
  stockMatMul256: number | null;
  generation: GenerationFigures | null;
  /** Our trainer's tensor count over many steps; null before it ran. */
  tensorCount: TensorCountFigures | null;
  rows: BenchRow[];
}

/** tf.memory() after a step's loss was read back and disposed. */
export interface TensorCountSample {
  step: number;
  numTensors: number;
  numBytes: number;
  loss: number;
}

/** Our trainer run for many steps on a tiny model: does tf.memory() stay flat? */
export interface TensorCountFigures {
  config: BenchConfig;
  status: 'ok' | 'failed';
  /** Why it failed. */
  reason: string | null;
  /** The steps asked for (1,000; 200 with --short). */
  targetSteps: number;
  steps: number;
  /** Why fewer than targetSteps ran (the time budget), or null. Never fewer silently. */
  shortfall: string | null;
  seconds: number;
  /** After step 1, 10, 100 and 1,000 (those that ran), and after the last step. */
  samples: TensorCountSample[];
  /** Every sample's numTensors equals the first's (after step 1); null when it failed. */
  flat: boolean | null;
  /** Last sample minus the first, tensors and bytes. */
  tensorGrowth: number | null;
  byteGrowth: number | null;
  /** numTensors before the model was made, and after it and its optimizer were disposed. */
  tensorsBeforeModel: number;
  tensorsAfterDispose: number | null;
}

export interface BenchReport {
  options: BenchOptions;
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  startedAt: string;
  seconds: number;
  backends: BackendReport[];
}

/** A backend started for the bench, and what it runs on; or why it did not start. */
export type Started =
  { ok: true; detail: string; threads: number | null } | { ok: false; reason: string };

/** What runs the bench: the bench page's worker, or Node. */
export interface BenchHost {
  progress(line: string): void;
  /** Starts `name` as the app would; `wasmThreads`: wasm afresh with this many threads. */
  start(name: BackendName, wasmThreads?: number): Promise<Started>;
  environment: Pick<BenchReport, 'userAgent' | 'hardwareConcurrency' | 'crossOriginIsolated'>;
}

/** Worker -> page. */
export type BenchMessage =
  | { type: 'progress'; line: string }
  | { type: 'done'; report: BenchReport }
  | { type: 'error'; message: string };

/** Console prefixes the page uses, which the Node runner watches for. */
export const CONSOLE_PROGRESS = 'bench:';
export const CONSOLE_RESULT = 'bench-result:';
export const CONSOLE_ERROR = 'bench-error:';
