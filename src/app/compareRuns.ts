// What the Compare panel draws: each run's training loss (smoothed, then thinned to a few hundred
// points) and validation loss, and its settings side by side with the rows that differ marked.
// Pure, so the rules are unit-tested and the panel only renders.
import type { BackendChoice, Hyperparameters } from '../workers/protocol.ts';
import { BOUNDS } from '../model/config.ts';
import { CELL_LABELS, OPTIMIZER_LABELS, SCHEDULE_LABELS } from '../model/kinds.ts';
import { decimateIndices, emaSmooth } from './chartData.ts';
import { formatLoss } from './format.ts';
import type { SavedRun } from './savedRun.ts';

/** One colour per run, distinguishable for the common colour-vision deficiencies (Okabe-Ito). */
export const RUN_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

/** Points per curve: a handful of runs stay light to redraw. */
export const MAX_COMPARE_POINTS = 300;

export interface CurvePoint {
  step: number;
  loss: number;
}

export interface RunCurves {
  id: string;
  name: string;
  colour: string;
  /** Training loss, smoothed as in the main chart. */
  train: CurvePoint[];
  validation: CurvePoint[];
}

export function runCurves(runs: readonly SavedRun[]): RunCurves[] {
  return runs.map((run, i) => {
    const points = run.history.trainLoss;
    const smooth = emaSmooth(points.map((p) => p.loss));
    const train = decimateIndices(smooth, MAX_COMPARE_POINTS).map((k) => ({
      step: points[k]!.step,
      loss: smooth[k]!,
    }));
    const validation = run.history.valLoss.map(({ step, loss }) => ({ step, loss }));
    return {
      id: run.id,
      name: run.name,
      colour: RUN_COLOURS[i % RUN_COLOURS.length]!,
      train,
      validation,
    };
  });
}

export interface SettingsRow {
  label: string;
  /** One cell per run, in the order given. */
  values: string[];
  /** Whether the runs disagree on this row. */
  differs: boolean;
}

const BACKEND_LABELS: Record<BackendChoice, string> = {
  auto: 'Auto',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'CPU',
};

type Show = (run: SavedRun) => string;

const hyper = (key: keyof Hyperparameters, show: (h: Hyperparameters) => string) => ({
  label: key in BOUNDS ? BOUNDS[key as keyof typeof BOUNDS].label : key,
  show: (run: SavedRun) => show(run.hyper),
});

const number = (key: keyof typeof BOUNDS) => hyper(key, (h) => String(h[key]));

const ROWS: { label: string; show: Show }[] = [
  { label: 'Corpus', show: (run) => run.corpus.title },
  { ...hyper('cell', (h) => CELL_LABELS[h.cell]), label: 'Cell' },
  number('layers'),
  number('hiddenSize'),
  number('embeddingSize'),
  number('dropout'),
  number('seqLen'),
  number('batchSize'),
  { ...hyper('optimizer', (h) => OPTIMIZER_LABELS[h.optimizer]), label: 'Optimizer' },
  number('learningRate'),
  { ...hyper('schedule', (h) => SCHEDULE_LABELS[h.schedule]), label: 'Learning-rate schedule' },
  number('warmupSteps'),
  number('clipNorm'),
  hyper('epochs', (h) => (h.epochs === 0 ? 'until stopped' : String(h.epochs))),
  number('valFraction'),
  { ...hyper('carryState', (h) => (h.carryState ? 'yes' : 'no')), label: 'Carry hidden state' },
  number('temperature'),
  number('seed'),
  { label: 'Backend', show: (run) => BACKEND_LABELS[run.backend] },
  { label: 'Steps', show: (run) => String(run.step) },
  {
    label: 'Last validation loss',
    show: (run) => formatLoss(run.history.valLoss.at(-1)?.loss),
  },
];

/** Results (steps, losses) differ by nature; only settings rows are marked as differences. */
const RESULT_ROWS = new Set(['Steps', 'Last validation loss']);

export function settingsRows(runs: readonly SavedRun[]): SettingsRow[] {
  return ROWS.map(({ label, show }) => {
    const values = runs.map(show);
    const differs = !RESULT_ROWS.has(label) && new Set(values).size > 1;
    return { label, values, differs };
  });
}

/** A row of the overlay: one step, with `train<i>` and `val<i>` for the runs measured there. */
export type CompareRow = { step: number } & Partial<Record<string, number>>;

/** The curves merged into rows by step, as the chart takes them (gaps are bridged). */
export function compareRows(curves: readonly RunCurves[]): CompareRow[] {
  const rows = new Map<number, CompareRow>();
  const put = (step: number, key: string, loss: number) => {
    const row = rows.get(step) ?? { step };
    row[key] = loss;
    rows.set(step, row);
  };
  curves.forEach((curve, i) => {
    for (const p of curve.train) put(p.step, `train${i}`, p.loss);
    for (const p of curve.validation) put(p.step, `val${i}`, p.loss);
  });
  return [...rows.values()].sort((a, b) => a.step - b.step);
}
