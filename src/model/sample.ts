// Stateful sampling: one step per character, carrying h and c of every layer, so generating n
// characters costs n cell steps (never a re-run over a whole window).
import * as tf from '@tensorflow/tfjs-core';
import { lstmCell, type LstmState } from './lstm.ts';
import type { CharLstm } from './network.ts';
import type { Rng } from './random.ts';

/** Below this temperature sampling is the argmax (dividing by ~0 would overflow). */
export const ARGMAX_TEMPERATURE = 1e-3;

/** Picks an id from logits at a temperature: argmax near 0, softmax(logits / T) otherwise. */
export function pickFromLogits(logits: ArrayLike<number>, temperature: number, rng: Rng): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if ((logits[i] ?? 0) > (logits[best] ?? 0)) best = i;
  if (temperature < ARGMAX_TEMPERATURE) return best;
  const max = logits[best] ?? 0;
  const weights = new Float64Array(logits.length);
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
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
  private states: LstmState[];

  constructor(private readonly net: CharLstm) {
    this.states = this.zeroStates();
  }

  private zeroStates(): LstmState[] {
    const h = this.net.shape.hiddenSize;
    return this.net.layers.map(() => ({
      h: tf.zeros([1, h]) as tf.Tensor2D,
      c: tf.zeros([1, h]) as tf.Tensor2D,
    }));
  }

  /** Feeds one character; returns the logits of the next one, [V]. */
  async step(id: number): Promise<Float32Array> {
    // Returned as a flat list (tidy keeps what it returns): [logits, h0, c0, h1, c1, ...].
    const [logits, ...hc] = tf.tidy(() => {
      const idT = tf.tensor1d([id], 'int32');
      let x: tf.Tensor2D | null = null; // [1, H]
      const next: tf.Tensor[] = [];
      this.net.layers.forEach((layer, l) => {
        const zx: tf.Tensor2D = x
          ? tf.add(tf.matMul(x, layer.kernel), layer.bias)
          : tf.add(tf.gather(layer.kernel, idT), layer.bias); // [1, 4H]
        const out = lstmCell(zx, this.states[l]!, layer.recurrent);
        x = out.state.h;
        next.push(out.state.h, out.state.c);
      });
      const top = x as unknown as tf.Tensor2D;
      return [tf.add(tf.matMul(top, this.net.outKernel), this.net.outBias), ...next]; // [1, V]
    }) as [tf.Tensor, ...tf.Tensor2D[]];
    const states: LstmState[] = this.net.layers.map((_, l) => ({
      h: hc[2 * l]!,
      c: hc[2 * l + 1]!,
    }));
    this.disposeStates();
    this.states = states;
    try {
      return (await logits.data()) as Float32Array;
    } finally {
      logits.dispose();
    }
  }

  private disposeStates(): void {
    for (const s of this.states) tf.dispose([s.h, s.c]);
  }

  dispose(): void {
    this.disposeStates();
    this.states = [];
  }
}

/**
 * Primes the state with `prime` (ids), then generates `length` ids at `temperature`. The prime is
 * not repeated in the result. An empty prime starts from the zero state and a uniform first pick.
 */
export async function sampleIds(
  net: CharLstm,
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
