// Turns the store's loss points into the few hundred rows the chart draws. A long run logs tens of
// thousands of steps; handing them all to recharts would make each render a long task on the main
// thread, so the series is smoothed in one pass and then decimated.
import type { LossPoint } from '../workers/protocol.ts';

/** At most this many training rows are plotted (plus the validation points). */
export const MAX_CHART_POINTS = 400;
/** Validation is sparse; a very long run still gets at most this many of its points plotted. */
export const MAX_VALIDATION_POINTS = 200;
/** EMA weight of the past: 0.9 averages over roughly the last ten steps. */
export const SMOOTHING = 0.9;

export interface ChartRow {
  step: number;
  /** Training loss of this step, as measured. */
  raw?: number;
  /** Exponential moving average of the training loss. */
  smooth?: number;
  /** Validation loss measured at this step. */
  val?: number;
}

/**
 * Exponential moving average with Adam-style debiasing: without dividing by 1 - beta^t the curve
 * would start near zero and climb, a shape the network never had.
 */
export function emaSmooth(values: readonly number[], beta = SMOOTHING): number[] {
  const out = new Array<number>(values.length);
  let average = 0;
  let weight = 1;
  for (let i = 0; i < values.length; i++) {
    average = beta * average + (1 - beta) * values[i]!;
    weight *= beta;
    out[i] = average / (1 - weight);
  }
  return out;
}

/**
 * Indices to plot so that at most `maxPoints` survive: the first and last, and the minimum and
 * maximum of each bucket in between, so spikes stay visible (plain striding would hide them).
 */
export function decimateIndices(values: readonly number[], maxPoints: number): number[] {
  const n = values.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const interior = n - 2;
  const picked: number[] = [0];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * interior) / buckets);
    const to = 1 + Math.floor(((b + 1) * interior) / buckets);
    if (from >= to) continue;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      if (values[i]! < values[lo]!) lo = i;
      if (values[i]! > values[hi]!) hi = i;
    }
    // Keep step order so the line does not double back.
    if (lo === hi) picked.push(lo);
    else picked.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  picked.push(n - 1);
  return picked;
}

/** Evenly spaced picks, first and last included: enough for the sparse validation series. */
function strideIndices(n: number, maxPoints: number): number[] {
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < maxPoints; k++) out.push(Math.round((k * (n - 1)) / (maxPoints - 1)));
  return out;
}

/** Rows for the loss chart, sorted by step; training and validation share rows where steps meet. */
export function buildChartRows(
  train: readonly LossPoint[],
  val: readonly LossPoint[],
  maxPoints = MAX_CHART_POINTS,
): ChartRow[] {
  const losses = train.map((p) => p.loss);
  const smooth = emaSmooth(losses);
  const rows = new Map<number, ChartRow>();
  for (const i of decimateIndices(losses, maxPoints)) {
    const point = train[i]!;
    rows.set(point.step, { step: point.step, raw: point.loss, smooth: smooth[i]! });
  }
  for (const i of strideIndices(val.length, MAX_VALIDATION_POINTS)) {
    const point = val[i]!;
    const row = rows.get(point.step);
    if (row) row.val = point.loss;
    else rows.set(point.step, { step: point.step, val: point.loss });
  }
  return [...rows.values()].sort((a, b) => a.step - b.step);
}

/** The label of an n-gram baseline's reference line: "order-1 n-gram 2.45". */
export function baselineLabel({ order, loss }: { order: number; loss: number }): string {
  return `order-${order} n-gram ${loss.toFixed(2)}`;
}

/**
 * Label positions (pixels, y down) as close as possible to `wanted` but at least `gap` apart and
 * inside [top, bottom]: n-gram orders 3 to 5 often sit within a few hundredths of a nat, and
 * their labels would otherwise print on top of each other. Returned in the order given.
 */
export function spreadLabels(
  wanted: readonly number[],
  gap: number,
  top: number,
  bottom: number,
): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a]! - wanted[b]!);
  const placed = order.map((i) => wanted[i]!);
  // Push down past the one above, then pull back up from the bottom edge, then clamp the top.
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  for (let k = placed.length - 1; k >= 0; k--) {
    const limit = k === placed.length - 1 ? bottom : placed[k + 1]! - gap;
    placed[k] = Math.min(placed[k]!, limit);
  }
  for (let k = 0; k < placed.length; k++) {
    placed[k] = Math.max(placed[k]!, k === 0 ? top : placed[k - 1]! + gap);
  }
  const out = new Array<number>(wanted.length);
  order.forEach((i, k) => (out[i] = placed[k]!));
  return out;
}

/** A bound no axis reaches, so a degenerate range can never loop or fill memory. */
const MAX_TICKS = 100;

/** A numeric axis worked out here rather than by recharts: its domain and its tick values. */
export interface AxisSpec {
  domain: [number, number];
  ticks: number[];
  /** Decimals that tell the ticks apart: 1 for a step of 0.5, 2 for 0.25 or 0.05. */
  decimals: number;
}

/**
 * A nice axis over every value given (the plotted losses and the baselines): about `count` ticks
 * at a step of 1, 2, 2.5 or 5 times a power of ten, the domain running from tick to tick.
 * Recharts can do this itself, but it redoes it with arbitrary-precision decimals on every
 * update, a good part of each render's cost while the worker trains.
 */
export function niceAxis(values: Iterable<number>, count = 5): AxisSpec {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return { domain: [0, 1], ticks: [0, 0.5, 1], decimals: 1 };
  if (hi - lo <= 1e-9 * Math.max(Math.abs(hi), 1)) {
    // A flat series (or a single point) still gets a span to draw in, centred on it. "Flat"
    // within float noise: baselines equal to 1e-15 once made a tick step so small that the
    // tick counter passed 2^53 and stopped moving (the page ran out of memory).
    const pad = Math.max(Math.abs(hi), 1) * 0.05;
    lo -= pad;
    hi += pad;
  }
  const rough = (hi - lo) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const multiple = [1, 2, 2.5, 5, 10].find((m) => m * power >= rough * (1 - 1e-9)) ?? 10;
  const step = multiple * power;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.max(first + 1, Math.ceil(hi / step - 1e-9));
  const decimals = Math.max(0, -Math.round(Math.log10(power)) + (multiple === 2.5 ? 1 : 0));
  const ticks: number[] = [];
  // Rounded, so 0.1 * 3 is 0.3 and equal axes compare equal.
  const round = (k: number) => Number((k * step).toFixed(decimals + 2));
  for (let k = first; k <= last && ticks.length < MAX_TICKS; k++) ticks.push(round(k));
  return { domain: [round(first), round(last)], ticks, decimals };
}

/**
 * Round ticks inside [lo, hi] (the step axis, whose domain is the data's own first and last
 * step): as many as fit in `maxCount`, at the smallest step of 1, 2, 2.5 or 5 times a power of
 * ten that keeps to it, whole numbers when `integer`. Given to recharts so that it neither
 * computes nor measures ticks itself.
 */
export function innerTicks(lo: number, hi: number, maxCount = 6, integer = true): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return [];
  if (hi === lo) return [lo];
  const count = (step: number) => Math.floor(hi / step + 1e-9) - Math.ceil(lo / step - 1e-9) + 1;
  let power = 10 ** Math.floor(Math.log10((hi - lo) / Math.max(1, maxCount)));
  const fits = (step: number) => (!integer || Number.isInteger(step)) && count(step) <= maxCount;
  if (!(power > 0) || !Number.isFinite(power)) return [lo, hi];
  let step: number | undefined;
  while (step === undefined) {
    step = [1, 2, 2.5, 5].map((m) => m * power).find(fits);
    power *= 10;
  }
  const ticks: number[] = [];
  for (
    let k = Math.ceil(lo / step - 1e-9);
    k * step <= hi + 1e-9 * step && ticks.length < MAX_TICKS;
    k++
  ) {
    ticks.push(Number((k * step).toPrecision(12)));
  }
  return ticks;
}
