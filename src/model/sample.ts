// Stateful sampling: one step per character, carrying h and c of every layer, so generating n
// characters costs n cell steps (never a re-run over a whole window).
import * as tf from '@tensorflow/tfjs-core';
import { affine } from './matMul.ts';
import type { CellState } from './cells/index.ts';
import { embedRows, projectInput } from './embedding.ts';
import { zeroStates, type CharRnn } from './network.ts';
import { flattenStates, unflattenStates } from './cells/stateList.ts';
import type { Rng } from './random.ts';

/** Below this temperature sampling is the argmax (dividing by ~0 would overflow). */
export const ARGMAX_TEMPERATURE = 1e-3;

/** The ids of the k largest logits (all ids when k is null or not smaller than V). */
export function topKIds(logits: ArrayLike<number>, k: number | null): number[] {
  const ids = Array.from({ length: logits.length }, (_, i) => i);
  if (k === null || k >= ids.length) return ids;
  return ids.sort((a, b) => (logits[b] ?? 0) - (logits[a] ?? 0)).slice(0, Math.max(1, k));
}

/**
 * Picks an id from logits at a temperature: argmax near 0, softmax(logits / T) otherwise,
 * optionally among the top k only.
 */
export function pickFromLogits(
  logits: ArrayLike<number>,
  temperature: number,
  rng: Rng,
  topK: number | null = null,
): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if ((logits[i] ?? 0) > (logits[best] ?? 0)) best = i;
  if (temperature < ARGMAX_TEMPERATURE) return best;
  const max = logits[best] ?? 0;
  const weights = new Float64Array(logits.length);
  let total = 0;
  for (const i of topKIds(logits, topK)) {
    weights[i] = Math.exp(((logits[i] ?? 0) - max) / temperature); // shifted: no overflow
    total += weights[i]!;
  }
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return best; // only reached through rounding
}

/** Holds the recurrent state of a batch-1 network between characters. */
export class StatefulSampler {
  private states: CellState[];

  constructor(private readonly net: CharRnn) {
    this.states = zeroStates(net, 1);
  }

  /** Feeds one character; returns the logits of the next one, [V]. */
  async step(id: number): Promise<Float32Array> {
    const { net } = this;
    // Returned as a flat list (tidy keeps what it returns): [logits, ...layer states].
    const [logits, ...flat] = tf.tidy(() => {
      const ids = tf.tensor1d([id], 'int32');
      let x: tf.Tensor2D | null = net.embedding ? embedRows(net.embedding, ids) : null; // [1, in]
      const next: CellState[] = net.layers.map((layer, l) => {
        const zx: tf.Tensor2D = projectInput(x, ids, layer.kernel, layer.bias); // [1, G*H]
        const out = net.cell.step(zx, this.states[l]!, layer.recurrent);
        x = out.state.h;
        return out.state;
      });
      const top = x as unknown as tf.Tensor2D;
      const logits = affine(top, net.outKernel, net.outBias); // [1, V]
      return [logits, ...flattenStates(next)];
    }) as [tf.Tensor, ...tf.Tensor2D[]];
    tf.dispose(flattenStates(this.states));
    this.states = unflattenStates(flat, net.cell.kind === 'lstm');
    try {
      return (await logits.data()) as Float32Array;
    } finally {
      logits.dispose();
    }
  }

  dispose(): void {
    tf.dispose(flattenStates(this.states));
    this.states = [];
  }
}

/**
 * Primes the state with `prime` (ids), then generates `length` ids at `temperature`. The prime is
 * not repeated in the result. An empty prime starts from the zero state and a uniform first pick.
 */
export async function sampleIds(
  net: CharRnn,
  prime: readonly number[],
  length: number,
  temperature: number,
  rng: Rng,
): Promise<number[]> {
  const sampler = new StatefulSampler(net);
  try {
    let logits: ArrayLike<number> = new Float32Array(net.shape.vocabSize);
    for (const id of prime) logits = await sampler.step(id);
    const out: number[] = [];
    for (let i = 0; i < length; i++) {
      const id = pickFromLogits(logits, temperature, rng);
      out.push(id);
      if (i + 1 < length) logits = await sampler.step(id);
    }
    return out;
  } finally {
    sampler.dispose();
  }
}
