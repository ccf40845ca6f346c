// Colours for the "Inside the network" view (LSTMVis style): every character of a snippet painted
// by one unit's activation. Pure functions, unit-tested, no DOM types.

/** How a gate's values are bounded, which decides its colour scale. */
export type GateKind = 'sigmoid' | 'tanh' | 'unbounded';

/** Gates squashed by a sigmoid: 0 (closed) to 1 (open). */
const SIGMOID_GATES = new Set(['input', 'forget', 'output', 'update', 'reset']);

/** One line per gate, for attendees who have not memorised the LSTM equations. */
const GATE_NOTES: Record<string, string> = {
  input: 'Input gate: how much of the new candidate is written into the cell (0 none, 1 all).',
  forget: 'Forget gate: how much of the cell is kept from the previous character (0 forgets).',
  output: 'Output gate: how much of the cell is shown as the hidden state.',
  candidate: 'Candidate: the new content proposed for the cell or state (tanh, −1 to +1).',
  cell: 'Cell state: the LSTM’s long-term memory; unbounded, so the scale fits its largest value.',
  update: 'Update gate: how much of the state is replaced by the candidate (0 keeps the old).',
  reset: 'Reset gate: how much of the previous state the candidate looks at.',
  state: 'State: the simple RNN’s tanh state (−1 to +1).',
  hidden: 'Hidden state: what the layer passes on, to the next layer and the prediction.',
};

export function gateKind(gate: string): GateKind {
  if (SIGMOID_GATES.has(gate)) return 'sigmoid';
  return gate === 'cell' ? 'unbounded' : 'tanh';
}

export function gateNote(gate: string): string {
  return GATE_NOTES[gate] ?? gate;
}

/** The range the colour scale spans. */
export interface Domain {
  min: number;
  max: number;
}

/**
 * Sigmoid gates 0..1, tanh values −1..1. The LSTM cell state is unbounded: a symmetric range
 * wide enough for the largest |value| shown (at least 1, rounded up to a half), so the scale
 * stays readable without clipping the unit's most telling moments.
 */
export function gateDomain(gate: string, values: Iterable<number> = []): Domain {
  const kind = gateKind(gate);
  if (kind === 'sigmoid') return { min: 0, max: 1 };
  if (kind === 'tanh') return { min: -1, max: 1 };
  let largest = 1;
  for (const v of values) if (Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
  const bound = Math.ceil(largest * 2) / 2;
  return { min: -bound, max: bound };
}

type Rgb = readonly [number, number, number];
const WHITE: Rgb = [255, 255, 255];
/** ColorBrewer RdBu ends: a diverging scale that reads in greyscale and for most colour blindness. */
export const NEGATIVE: Rgb = [33, 102, 172];
export const POSITIVE: Rgb = [178, 24, 43];
/** Past this intensity the background is dark enough that white text reads better. */
const LIGHT_TEXT_FROM = 0.6;

function mix(from: Rgb, to: Rgb, t: number): string {
  const channel = (i: number) => Math.round(from[i]! + (to[i]! - from[i]!) * t);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/**
 * Signed intensity of `value` on the domain: −1..1 for a diverging domain (0 is white), 0..1 for
 * a one-sided one (its minimum is white). Clamped; NaN counts as 0.
 */
export function intensity(value: number, domain: Domain): number {
  if (!Number.isFinite(value)) return 0;
  if (domain.min >= 0) {
    const span = domain.max - domain.min || 1;
    return Math.min(1, Math.max(0, (value - domain.min) / span));
  }
  const bound = Math.max(Math.abs(domain.min), Math.abs(domain.max)) || 1;
  return Math.min(1, Math.max(-1, value / bound));
}

export interface Swatch {
  background: string;
  color: string;
}

/** Background and readable text colour for one value: −1 blue, 0 white, +1 red. */
export function activationColor(value: number, domain: Domain): Swatch {
  const t = intensity(value, domain);
  const background = t < 0 ? mix(WHITE, NEGATIVE, -t) : mix(WHITE, POSITIVE, t);
  return { background, color: Math.abs(t) >= LIGHT_TEXT_FROM ? '#ffffff' : '#1f2430' };
}

/** A CSS gradient across the domain, for the legend. */
export function legendGradient(domain: Domain): string {
  const stops =
    domain.min >= 0
      ? [domain.min, domain.max]
      : [domain.min, domain.min / 2, 0, domain.max / 2, domain.max];
  const colours = stops.map((v) => activationColor(v, domain).background);
  return `linear-gradient(to right, ${colours.join(', ')})`;
}

/** One unit's values across the snippet: column `unit` of a [positions × hiddenSize] array. */
export function unitValues(
  values: ArrayLike<number>,
  positions: number,
  hiddenSize: number,
  unit: number,
): number[] {
  const out = new Array<number>(positions);
  for (let t = 0; t < positions; t++) out[t] = values[t * hiddenSize + unit] ?? 0;
  return out;
}

/** Every unit's mean over the snippet: the grid's swatches. */
export function unitMeans(values: ArrayLike<number>, positions: number, hiddenSize: number) {
  const means = new Float64Array(hiddenSize);
  if (positions === 0) return means;
  for (let t = 0; t < positions; t++) {
    for (let u = 0; u < hiddenSize; u++) means[u]! += values[t * hiddenSize + u] ?? 0;
  }
  for (let u = 0; u < hiddenSize; u++) means[u]! /= positions;
  return means;
}

/** "0.42", "−0.87": two decimals with a true minus sign, for titles and the legend; "—" if NaN. */
export function formatActivation(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const text = Math.abs(value).toFixed(2);
  return value < 0 && text !== '0.00' ? `−${text}` : text;
}
