// Character n-gram (Markov chain) models with add-k smoothing: the baseline the network's loss is
// compared with, and a generator to sample beside it. Pure TS on ids, no tfjs.
//
// An order-k model predicts a character from the k characters before it:
//   P(c | ctx) = (count(ctx c) + alpha) / (count(ctx) + alpha V)
// Order 0 is the unigram frequency. Contexts are keyed as numbers (ids in base V) while V^(k+1)
// fits a double exactly, else as strings.
import type { Rng } from './random.ts';

export interface NgramModel {
  order: number;
  vocabSize: number;
  alpha: number;
  /** count(ctx c), keyed by the context and character together. */
  readonly joint: Map<number | string, number>;
  /** count(ctx): how often the context was followed by any character. */
  readonly context: Map<number | string, number>;
}

function keyer(
  vocabSize: number,
  order: number,
): (ids: ArrayLike<number>, end: number, len: number) => number | string {
  if (vocabSize ** (order + 1) < Number.MAX_SAFE_INTEGER) {
    return (ids, end, len) => {
      let k = 1; // leading 1 keeps "ab" and "b" apart
      for (let i = end - len; i < end; i++) k = k * vocabSize + (ids[i] ?? 0);
      return k;
    };
  }
  return (ids, end, len) => Array.prototype.slice.call(ids, end - len, end).join(',');
}

/** Counts every (k+1)-gram of `ids`. */
export function trainNgram(
  ids: ArrayLike<number>,
  vocabSize: number,
  order: number,
  alpha: number,
): NgramModel {
  const key = keyer(vocabSize, order);
  const joint = new Map<number | string, number>();
  const context = new Map<number | string, number>();
  for (let t = order; t < ids.length; t++) {
    const ctx = key(ids, t, order);
    const both = key(ids, t + 1, order + 1);
    context.set(ctx, (context.get(ctx) ?? 0) + 1);
    joint.set(both, (joint.get(both) ?? 0) + 1);
  }
  return { order, vocabSize, alpha, joint, context };
}

/** P(ids[t] | the `order` ids before it), smoothed. */
function probabilityAt(model: NgramModel, ids: ArrayLike<number>, t: number): number {
  const key = keyer(model.vocabSize, model.order);
  const joint = model.joint.get(key(ids, t + 1, model.order + 1)) ?? 0;
  const context = model.context.get(key(ids, t, model.order)) ?? 0;
  return (joint + model.alpha) / (context + model.alpha * model.vocabSize);
}

/**
 * Mean negative log-likelihood in nats per character over `ids`, scoring each position that has a
 * full context (the first `order` characters only serve as context).
 */
export function ngramLoss(model: NgramModel, ids: ArrayLike<number>): number {
  let total = 0;
  let count = 0;
  for (let t = model.order; t < ids.length; t++) {
    total -= Math.log(probabilityAt(model, ids, t));
    count += 1;
  }
  return count > 0 ? total / count : Number.NaN;
}

/** The smoothed next-character distribution after `history` (its last `order` ids). */
export function ngramDistribution(model: NgramModel, history: readonly number[]): Float64Array {
  const probs = new Float64Array(model.vocabSize);
  const ids = [...history.slice(-model.order), 0];
  const t = ids.length - 1;
  if (t < model.order) return probs.fill(1 / model.vocabSize); // too little context: uniform
  for (let c = 0; c < model.vocabSize; c++) {
    ids[t] = c;
    probs[c] = probabilityAt(model, ids, t);
  }
  return probs;
}

/** Generates `length` ids after `prime`, sampling the smoothed distribution. */
export function ngramSample(
  model: NgramModel,
  prime: readonly number[],
  length: number,
  rng: Rng,
): number[] {
  const history = [...prime];
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    const probs = ngramDistribution(model, history);
    let r = rng();
    let pick = probs.length - 1;
    for (let c = 0; c < probs.length; c++) {
      r -= probs[c]!;
      if (r < 0) {
        pick = c;
        break;
      }
    }
    history.push(pick);
    out.push(pick);
  }
  return out;
}
