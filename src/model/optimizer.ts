// Adam with global-norm gradient clipping, on tf.variable moments so that a step reads nothing back.
import * as tf from '@tensorflow/tfjs-core';

/**
 * Rescales all gradients together when their global L2 norm exceeds maxNorm, keeping their
 * direction (per-tensor clipping would bend it). The norm stays on the device: no readback.
 */
export function clipByGlobalNorm(
  grads: tf.Tensor[],
  maxNorm: number,
): { clipped: tf.Tensor[]; norm: tf.Scalar } {
  const norm = tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))) as tf.Scalar;
  // scale = maxNorm / max(norm, maxNorm): 1 when already small enough.
  const scale = tf.div(maxNorm, tf.maximum(norm, maxNorm));
  return { clipped: grads.map((g) => tf.mul(g, scale)), norm };
}

export interface AdamSettings {
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** Kingma & Ba's defaults, as in char-rnn-style trainers. */
export const ADAM_DEFAULTS: AdamSettings = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

export class Adam {
  private readonly m: tf.Variable[];
  private readonly v: tf.Variable[];
  private t = 0;

  constructor(
    private readonly params: tf.Variable[],
    private readonly settings: AdamSettings = ADAM_DEFAULTS,
  ) {
    this.m = params.map((p) => tf.variable(tf.zerosLike(p), false));
    this.v = params.map((p) => tf.variable(tf.zerosLike(p), false));
  }

  get step(): number {
    return this.t;
  }

  /** One update. Call inside tf.tidy: the temporaries are freed there, the variables are kept. */
  apply(grads: tf.Tensor[], learningRate: number): void {
    const { beta1, beta2, epsilon } = this.settings;
    this.t += 1;
    // Bias correction folded into the step size (computed in JS: no tensors per step for it).
    const stepSize = (learningRate * Math.sqrt(1 - beta2 ** this.t)) / (1 - beta1 ** this.t);
    this.params.forEach((p, i) => {
      const g = grads[i]!;
      const m = this.m[i]!;
      const v = this.v[i]!;
      m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
      v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2)));
      p.assign(tf.sub(p, tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(v), epsilon))));
    });
  }

  dispose(): void {
    for (const x of [...this.m, ...this.v]) x.dispose();
  }
}
