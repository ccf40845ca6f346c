// The benchmark's body (issue 7): per backend, the matMul yardstick, then our trainer and the
// tf.layers reference on the same batches for each configuration, then generation speed, then
// our trainer's tensor count over 1,000 steps. Its host starts the backends and shows progress:
// the bench page's worker (bench.worker.ts, the figures the app can reach) or Node
// (scripts/bench/node-bench.ts, for machines without a browser, such as a lent GPU machine).
import { unregisterKernel } from '@tensorflow/tfjs-core';
import { trainingFlopsPerChar } from '../../model/cost.ts';
import { hasOwnMatMul } from '../../model/matMul.ts';
import { POINTWISE_KERNEL } from '../../model/pointwise/spec.ts';
import type { BackendName } from '../protocol.ts';
import { batchPool, configsFor, GENERATION_CONFIG, networkShape, rowBudget } from './configs.ts';
import { errorMessage, notRun, secondsSince } from './figures.ts';
import { matMulGflops, PRODUCTS, stepMatMuls } from './matMul.ts';
import { benchOurs } from './ours.ts';
import { benchReference } from './reference.ts';
import { benchGeneration } from './generation.ts';
import { benchTensorCount, describeTensorCount } from './tensorCount.ts';
import type { BackendReport, BenchConfig, BenchOptions, BenchReport, BenchRow } from './types.ts';
import type { BenchHost, TrainerFigures } from './types.ts';

const BATCH_SEED = 7;

const fmt = (x: number | null, digits = 0) =>
  x === null ? '-' : x.toLocaleString('en-US', { maximumFractionDigits: digits });

function describe(who: string, f: TrainerFigures): string {
  if (f.status !== 'ok') return `${who}: ${f.status}, ${f.reason}`;
  return (
    `${who}: ${f.steps} steps in ${fmt(f.seconds, 1)} s, ${fmt(f.charsPerSecond)} chars/s, ` +
    `loss ${fmt(f.finalLoss, 3)}, tensors ${f.tensorsBefore} -> ${f.tensorsAfter}`
  );
}

async function benchRow(
  host: BenchHost,
  backend: BackendName,
  label: string,
  config: BenchConfig,
  options: BenchOptions,
  gflops256: number,
): Promise<BenchRow> {
  const progress = host.progress;
  const tag = `[${label}] ${config.name}`;
  const flopsPerChar = trainingFlopsPerChar(networkShape(config));
  const matMul = await stepMatMuls(config);
  progress(
    `${tag}: matMul ${fmt(matMul.perStep, 2)} GFLOP/s per timestep, ` +
      `${fmt(matMul.wholeSequence, 2)} whole sequence, ${fmt(matMul.mix, 2)} blended ` +
      `(weight gradient [H, T*B] x [T*B, G*H]: ${fmt(matMul.weightGradient, 2)})`,
  );
  const row: BenchRow = {
    backend,
    config,
    flopsPerChar,
    matMul,
    ours: notRun('skipped', ''),
    reference: notRun('skipped', ''),
    ratio: null,
  };
  const predicted = (flopsPerChar * config.batch * config.seqLen) / (matMul.mix * 1e9);
  if (predicted > options.maxStepSeconds) {
    const reason =
      `one step would take about ${fmt(predicted)} s at the measured matMul rate ` +
      `(limit ${options.maxStepSeconds} s, --max-step-seconds)`;
    row.ours = notRun('skipped', reason);
    row.reference = notRun('skipped', reason);
    progress(`${tag}: skipped, ${reason}`);
    return row;
  }
  const batches = batchPool(config, BATCH_SEED);
  const budget = rowBudget(config, options.short);
  const yardstick = { flopsPerChar, gflops256, gflopsStep: matMul.mix };
  row.ours = await benchOurs(config, batches, budget, yardstick);
  progress(`${tag} ${describe('ours', row.ours)}`);
  row.reference = await benchReference(config, batches, budget, yardstick);
  progress(`${tag} ${describe('reference', row.reference)}`);
  const [ours, ref] = [row.ours.charsPerSecond, row.reference.charsPerSecond];
  row.ratio = ours !== null && ref !== null ? ours / ref : null;
  return row;
}

/** `wasmThreads`: a fresh wasm start with this many threads (see startBackend). */
async function benchBackend(
  host: BenchHost,
  name: BackendName,
  options: BenchOptions,
  wasmThreads?: number,
): Promise<BackendReport> {
  const progress = host.progress;
  const label =
    (wasmThreads === undefined ? name : `${name} ${wasmThreads}t`) +
    (options.fused ? '' : ' op-by-op');
  const report: BackendReport = {
    backend: name,
    label,
    threads: null,
    started: false,
    reason: null,
    detail: '',
    matMul256: null,
    stockMatMul256: null,
    generation: null,
    tensorCount: null,
    rows: [],
  };
  const started = await host.start(name, wasmThreads);
  if (!started.ok) {
    report.reason = started.reason;
    progress(`[${label}] did not start: ${started.reason}`);
    return report;
  }
  // Registered for every backend by the host's set-up; gone, the cells run op by op.
  if (!options.fused) unregisterKernel(POINTWISE_KERNEL, name);
  report.started = true;
  report.detail = started.detail;
  report.threads = started.threads;
  if (name === 'wasm') {
    // V8 compiles a new wasm binary's hot code in the background; on 2 cores, with both busy, a
    // cold threaded start ran its matMul at a third of its warm rate, which would flatter the
    // utilisation figures and the single thread. Two untimed seconds of matMul first.
    await matMulGflops(256, 256, 256);
    await matMulGflops(256, 256, 256);
  }
  report.matMul256 = await matMulGflops(256, 256, 256);
  progress(`[${label}] ${started.detail}; matMul 256^3: ${fmt(report.matMul256, 2)} GFLOP/s`);
  if (hasOwnMatMul()) {
    report.stockMatMul256 = await matMulGflops(256, 256, 256, PRODUCTS.stock);
    progress(`[${label}] that is our own product; tf.matMul: ${fmt(report.stockMatMul256, 2)}`);
  }
  const configs = configsFor(options.short).filter(
    (c) => options.only === null || c.name.includes(options.only),
  );
  for (const config of configs) {
    try {
      report.rows.push(await benchRow(host, name, label, config, options, report.matMul256));
    } catch (e) {
      // A failure outside the trainers (e.g. the matMul yardstick): the row is lost, not the run.
      progress(`[${label}] ${config.name} failed: ${errorMessage(e)}`);
    }
  }
  const [seconds, maxChars] = options.short ? [3, 300] : [8, 2000];
  report.generation = await benchGeneration(GENERATION_CONFIG, seconds, maxChars);
  const g = report.generation;
  progress(
    `[${label}] generation at ${g.config}: ` +
      (g.reason ?? `${g.chars} chars in ${fmt(g.seconds, 1)} s, ${fmt(g.charsPerSecond)} chars/s`),
  );
  report.tensorCount = await benchTensorCount(options.short);
  progress(`[${label}] ${describeTensorCount(report.tensorCount)}`);
  return report;
}

/** Every backend of `options` in turn, then the whole report. */
export async function runBench(options: BenchOptions, host: BenchHost): Promise<BenchReport> {
  const progress = host.progress;
  const start = performance.now();
  const startedAt = new Date().toISOString();
  const threads = options.wasmThreads.length > 0 ? `, wasm threads ${options.wasmThreads}` : '';
  progress(`backends ${options.backends.join(', ')}${threads}${options.short ? ' (short)' : ''}`);
  const backends: BackendReport[] = [];
  for (const name of options.backends) {
    if (name === 'wasm' && options.wasmThreads.length > 0) {
      for (const n of options.wasmThreads)
        backends.push(await benchBackend(host, name, options, n));
    } else {
      backends.push(await benchBackend(host, name, options));
    }
  }
  return { options, ...host.environment, startedAt, seconds: secondsSince(start), backends };
}
