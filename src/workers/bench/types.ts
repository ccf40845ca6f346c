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
}

export const DEFAULT_MAX_STEP_SECONDS = 15;

/** Options from a query string (`?backends=wasm,webgl&short=1&maxStep=20`); unknown names dropped. */
export function parseBenchOptions(search: string): BenchOptions {
  const params = new URLSearchParams(search);
  const asked = (params.get('backends') ?? BACKENDS.join(',')).split(',').map((s) => s.trim());
  const backends = BACKENDS.filter((b) => asked.includes(b));
  const maxStep = Number(params.get('maxStep'));
  return {
    backends,
    short: params.get('short') === '1',
    maxStepSeconds: Number.isFinite(maxStep) && maxStep > 0 ? maxStep : DEFAULT_MAX_STEP_SECONDS,
  };
}

export function benchQuery(options: BenchOptions): string {
  const params = new URLSearchParams({
    backends: options.backends.join(','),
    short: options.short ? '1' : '0',
    maxStep: String(options.maxStepSeconds),
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
  started: boolean;
  /** Why it did not start. */
  reason: string | null;
  /** Device or library details, e.g. the SwiftShader adapter or wasm's thread count. */
  detail: string;
  /** matMul GFLOP/s at 256x256x256. */
  matMul256: number | null;
  generation: GenerationFigures | null;
  rows: BenchRow[];
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

/** Worker -> page. */
export type BenchMessage =
  | { type: 'progress'; line: string }
  | { type: 'done'; report: BenchReport }
  | { type: 'error'; message: string };

/** Console prefixes the page uses, which the Node runner watches for. */
export const CONSOLE_PROGRESS = 'bench:';
export const CONSOLE_RESULT = 'bench-result:';
export const CONSOLE_ERROR = 'bench-error:';
