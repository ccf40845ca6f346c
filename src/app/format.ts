// Number and status wording shared by the panels. Pure functions, unit-tested, so what the status
// line says can be checked without a browser.
import type { BackendName } from '../workers/protocol.ts';
import type { TrainingState } from './store.ts';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 2000 -> "2,000". */
export function formatInt(value: number): string {
  return integer.format(value);
}

/** Up to `digits` decimals, trailing zeros dropped: 2 -> "2", 0.125 -> "0.13". */
export function formatNumber(value: number, digits = 2): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(value);
}

/** A loss with 3 decimals, or an em dash when there is none yet. */
export function formatLoss(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(3);
}

/** File sizes as people read them: "812 B", "43.2 KB", "5.4 MB", "1.2 GB" (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${formatNumber(bytes / 1024, 1)} KB`;
  if (bytes < 1024 ** 3) return `${formatNumber(bytes / 1024 ** 2, 1)} MB`;
  return `${formatNumber(bytes / 1024 ** 3, 1)} GB`;
}

/**
 * A learning rate with three significant digits: the schedule's 0.0097123 reads as "0.00971".
 * Rates below 1e-6 would print as "1e-7"; that is still readable and never happens in practice.
 */
export function formatRate(value: number): string {
  return String(Number(value.toPrecision(3)));
}

const SI = [
  { factor: 1e12, prefix: 'T' },
  { factor: 1e9, prefix: 'G' },
  { factor: 1e6, prefix: 'M' },
  { factor: 1e3, prefix: 'k' },
];

/** Large counts with an SI prefix and three significant digits: 461,568 -> "462 k". */
export function formatSi(value: number, unit: string): string {
  const scale = SI.find((s) => value >= s.factor);
  if (scale === undefined) return `${formatInt(value)} ${unit}`;
  const scaled = Number((value / scale.factor).toPrecision(3));
  return `${formatNumber(scaled, 2)} ${scale.prefix}${unit}`;
}

/** A rough duration, as an estimate should read: "45 s", "3 min", "1.5 h", "2.1 days". */
export function formatDuration(seconds: number): string {
  // Compare rounded values, so 59.7 s reads "1 min" rather than "60 s".
  if (Math.round(seconds) < 60) return `${Math.max(1, Math.round(seconds))} s`;
  if (Math.round(seconds / 60) < 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${formatNumber(seconds / 3600, 1)} h`;
  return `${formatNumber(seconds / 86_400, 1)} days`;
}

const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'wasm',
  cpu: 'cpu',
};

export function backendLabel(name: BackendName): string {
  return BACKEND_LABELS[name];
}

function plural(count: number, word: string): string {
  return `${formatNumber(count)} ${word}${count === 1 ? '' : 's'}`;
}

export interface EpochProgress {
  /** 1-based epoch being trained. */
  index: number;
  /** Epochs in the run, rounded up (0.05 epochs is one, partial, epoch); null until stopped. */
  count: number | null;
  /** 0–100, of the current epoch (the last one may be partial). */
  percent: number;
}

/**
 * Where a run is inside its current epoch, for the progress bar. `targetEpochs` 0 trains until
 * stopped: there is no last epoch, only the current one.
 */
export function epochProgress(epoch: number, targetEpochs: number, done: boolean): EpochProgress {
  if (targetEpochs === 0) {
    const index = Math.floor(epoch) + 1;
    return { index, count: null, percent: Math.min(100, Math.round((epoch - index + 1) * 100)) };
  }
  const count = Math.max(1, Math.ceil(targetEpochs));
  if (done || epoch >= targetEpochs) return { index: count, count, percent: 100 };
  const index = Math.min(count, Math.floor(epoch) + 1);
  const start = index - 1;
  const length = Math.min(index, targetEpochs) - start;
  const percent = length > 0 ? ((epoch - start) / length) * 100 : 0;
  return { index, count, percent: Math.max(0, Math.min(100, Math.round(percent))) };
}

/** The one-line status the TrainingControls announce (politely) to screen readers. */
export function describeStatus(state: TrainingState, loadingCorpus: boolean): string {
  if (loadingCorpus) return 'Loading corpus…';
  const target = state.request?.hyper.epochs ?? 0;
  switch (state.phase) {
    case 'idle':
      if (state.reset !== null) {
        const seed = state.reset.seed === null ? '' : ` (seed ${state.reset.seed})`;
        return `Reset: the next run starts from fresh weights${seed}`;
      }
      return 'Ready: pick a corpus and press Train.';
    case 'initialising':
      return state.phaseMessage || 'Starting the training worker…';
    case 'running': {
      const on = state.backend ? ` on ${backendLabel(state.backend.name)}` : '';
      if (state.run === null) return `Training${on}…`;
      const speed = `${formatInt(state.charsPerSec)} chars/s`;
      if (state.run.totalSteps === null) {
        return (
          `Training${on} until stopped — step ${formatInt(state.step)}, ` +
          `epoch ${formatNumber(state.epoch)}, ${speed}`
        );
      }
      return (
        `Training${on} — step ${formatInt(state.step)} of ${formatInt(state.run.totalSteps)}, ` +
        `epoch ${formatNumber(state.epoch)} of ${formatNumber(target)}, ${speed}`
      );
    }
    // Plain digits here: scripts and tests read the step back out of these two lines.
    case 'paused':
      return `Paused at step ${state.step}`;
    case 'stopped':
      return `Stopped at step ${state.step}`;
    case 'done':
      return `Done: ${plural(target, 'epoch')}`;
    case 'error':
      return 'Training stopped because of an error.';
  }
}
