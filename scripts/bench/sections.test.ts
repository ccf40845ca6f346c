import { describe, expect, it } from 'vitest';
import type {
  BackendReport,
  BenchReport,
  TensorCountFigures,
} from '../../src/workers/bench/types.ts';
import { failedApp, summarise, type AppFigures } from './longTasks.ts';
import { formatApp, formatTensorCounts, stepsCell, verdictCell } from './sections.ts';
import { padTable } from './table.ts';

const config = {
  name: '1x32 LSTM',
  cell: 'lstm' as const,
  layers: 1,
  hidden: 32,
  batch: 8,
  seqLen: 16,
  vocab: 65,
};

function counts(overrides: Partial<TensorCountFigures> = {}): TensorCountFigures {
  return {
    config,
    status: 'ok',
    reason: null,
    targetSteps: 1000,
    steps: 1000,
    shortfall: null,
    seconds: 12.34,
    samples: [1, 10, 100, 1000].map((step) => ({ step, numTensors: 42, numBytes: 2048, loss: 4 })),
    flat: true,
    tensorGrowth: 0,
    byteGrowth: 0,
    tensorsBeforeModel: 3,
    tensorsAfterDispose: 3,
    ...overrides,
  };
}

function report(tensorCount: TensorCountFigures | null): BenchReport {
  const backend: BackendReport = {
    backend: 'wasm',
    label: 'wasm',
    threads: 2,
    started: true,
    reason: null,
    detail: '',
    matMul256: 1,
    stockMatMul256: null,
    generation: null,
    tensorCount,
    rows: [],
  };
  return {
    options: {
      backends: ['wasm'],
      short: false,
      maxStepSeconds: 15,
      wasmThreads: [],
      fused: true,
      only: null,
    },
    userAgent: '',
    hardwareConcurrency: 2,
    crossOriginIsolated: true,
    startedAt: '',
    seconds: 1,
    backends: [backend],
  };
}

describe('the tensor-count section', () => {
  it('names the steps that ran, and the target when fewer ran', () => {
    expect(stepsCell(counts())).toBe('1,000');
    expect(stepsCell(counts({ steps: 230 }))).toBe('230 of 1,000');
  });

  it('says flat, or by how much it grew', () => {
    expect(verdictCell(counts())).toBe('flat');
    const grew = counts({ flat: false, tensorGrowth: 999, byteGrowth: 3996 });
    expect(verdictCell(grew)).toBe('NOT flat (+999 tensors, +3996 B)');
    expect(verdictCell(counts({ status: 'failed', flat: null }))).toBe('failed');
  });

  it('prints a row per backend, and why a run was cut short', () => {
    const text = formatTensorCounts(report(counts({ steps: 230, shortfall: 'over budget' })));
    expect(text).toContain('wasm    | 1x32 LSTM, batch 8, seq 16 | 230 of 1,000 | 42 (2.0 kB)');
    expect(text).toContain('wasm: over budget');
  });

  it('prints nothing when no backend measured it', () => {
    expect(formatTensorCounts(report(null))).toBe('');
  });
});

describe('the app section', () => {
  it('pads columns and rules the header', () => {
    expect(
      padTable([
        ['a', 'bb'],
        ['ccc', 'd'],
      ]),
    ).toEqual(['a   | bb', '----|---', 'ccc | d']);
  });

  it('prints the long tasks, the frames and the step updates', () => {
    const app: AppFigures = {
      ...failedApp(20, ''),
      status: 'ok',
      reason: null,
      backend: 'wasm',
      software: false,
      startSeconds: 1.5,
      trainSeconds: 20,
      longTasks: summarise([{ start: 100, duration: 120 }]),
      frames: 1200,
      longestFrameGapMs: 130,
      stepUpdates: 80,
      firstStep: 1,
      lastStep: 900,
    };
    const text = formatApp(app);
    expect(text).toContain('1.5 s to step 1, then 20.0 s | 1          | 120 ms');
    expect(text).toContain('80 (4.0/s)');
    expect(text).toContain('1 -> 900');
  });

  it('says why it failed', () => {
    expect(formatApp(failedApp(8, 'Train was not enabled'))).toMatch(/failed: Train was not/);
  });
});
