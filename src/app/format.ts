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

/** File sizes as people read them: "812 B", "43.2 KB", "5.4 MB" (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
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
  /** Epochs in the run, rounded up (0.05 epochs is one, partial, epoch). */
  count: number;
  /** 0–100, of the current epoch (the last one may be partial). */
  percent: number;
}

/** Where a run is inside its current epoch, for the progress bar. */
export function epochProgress(epoch: number, targetEpochs: number, done: boolean): EpochProgress {
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
  const target = state.request?.epochs ?? 0;
  switch (state.phase) {
    case 'idle':
      return 'Ready: pick a corpus and press Train.';
    case 'initialising':
      return state.phaseMessage || 'Starting the training worker…';
    case 'running': {
      const on = state.backend ? ` on ${backendLabel(state.backend.name)}` : '';
      if (state.run === null) return `Training${on}…`;
      return (
        `Training${on} — step ${formatInt(state.step)} of ${formatInt(state.run.totalSteps)}, ` +
        `epoch ${formatNumber(state.epoch)} of ${formatNumber(target)}, ` +
        `${formatInt(state.charsPerSec)} chars/s`
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
