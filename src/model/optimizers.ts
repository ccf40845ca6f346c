// Optimizers on tf.variable state, so that a step reads nothing back: Adam, RMSProp (char-rnn's
// default) and SGD with momentum, all behind global-norm gradient clipping.
import * as tf from '@tensorflow/tfjs-core';

import type { OptimizerKind } from './kinds.ts';

/**
 * Rescales all gradients together when their global L2 norm exceeds maxNorm, keeping their
 * direction (per-tensor clipping would bend it). The norm stays on the device: no readback.
 */
export function clipByGlobalNorm(
  grads: tf.Tensor[],
  maxNorm: number,
): { clipped: tf.Tensor[]; norm: tf.Scalar } {
  // Added pairwise, not by tf.addN: tfjs's WebGPU AddN binds every input at once, and with 8 or
  // more (two layers and the output) exceeds the 8 storage buffers a shader may bind; its pipeline
  // is then invalid and the norm garbage.
  const squares = grads.map((g) => tf.sum(tf.square(g)));
  const norm = tf.sqrt(squares.reduce((sum, x) => tf.add(sum, x))) as tf.Scalar;
  // scale = maxNorm / max(norm, maxNorm): 1 when already small enough.
  const scale = tf.div(maxNorm, tf.maximum(norm, maxNorm));
  return { clipped: grads.map((g) => tf.mul(g, scale)), norm };
}

/** Constants with their reasons; the learning rate is the user's. */
const SETTINGS = {
  // Kingma & Ba's defaults.
  adam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  // char-rnn's RMSProp: decay 0.95 keeps ~20 steps of squared-gradient history.
  rmsprop: { decay: 0.95, epsilon: 1e-8 },
  // Classic heavy-ball momentum.
  sgd: { momentum: 0.9 },
} as const;

export abstract class Optimizer {
  /** Steps taken; Adam's bias correction needs it, and a snapshot restores it. */
  step = 0;
  /** Per-parameter state (moments), in the params' order; snapshots read and restore them. */
  readonly slots: tf.Variable[];

  constructor(
    readonly kind: OptimizerKind,
    protected readonly params: tf.Variable[],
    slotsPerParam: number,
  ) {
    // In a tidy: a variable takes its own reference to the data, so the zeros must go.
    this.slots = tf.tidy(() => {
      const slots: tf.Variable[] = [];
      for (let s = 0; s < slotsPerParam; s++) {
        for (const p of params) slots.push(tf.variable(tf.zerosLike(p), false));
      }
      return slots;
    });
  }

  /** Slot `s` of parameter `i`. */
  protected slot(s: number, i: number): tf.Variable {
    return this.slots[s * this.params.length + i]!;
  }

  /** One update. Call inside tf.tidy: temporaries are freed there, variables are kept. */
  apply(grads: tf.Tensor[], learningRate: number): void {
    this.step += 1;
    this.params.forEach((p, i) => this.update(p, grads[i]!, i, learningRate));
  }

  protected abstract update(p: tf.Variable, g: tf.Tensor, i: number, lr: number): void;

  dispose(): void {
    for (const v of this.slots) v.dispose();
  }
}

class Adam extends Optimizer {
  constructor(params: tf.Variable[]) {
    super('adam', params, 2);
  }

  protected update(p: tf.Variable, g: tf.Tensor, i: number, lr: number): void {
    const { beta1, beta2, epsilon } = SETTINGS.adam;
    const m = this.slot(0, i);
    const v = this.slot(1, i);
    // Bias correction folded into the step size (computed in JS: no tensors per step for it).
    const stepSize = (lr * Math.sqrt(1 - beta2 ** this.step)) / (1 - beta1 ** this.step);
    m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
    v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2)));
    p.assign(tf.sub(p, tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(v), epsilon))));
  }
}

class RmsProp extends Optimizer {
  constructor(params: tf.Variable[]) {
    super('rmsprop', params, 1);
  }

  protected update(p: tf.Variable, g: tf.Tensor, i: number, lr: number): void {
    const { decay, epsilon } = SETTINGS.rmsprop;
    const ms = this.slot(0, i);
    ms.assign(tf.add(tf.mul(ms, decay), tf.mul(tf.square(g), 1 - decay)));
    p.assign(tf.sub(p, tf.div(tf.mul(g, lr), tf.add(tf.sqrt(ms), epsilon))));
  }
}

class SgdMomentum extends Optimizer {
  constructor(params: tf.Variable[]) {
    super('sgd', params, 1);
  }

  protected update(p: tf.Variable, g: tf.Tensor, i: number, lr: number): void {
    const velocity = this.slot(0, i);
    velocity.assign(tf.add(tf.mul(velocity, SETTINGS.sgd.momentum), g));
    p.assign(tf.sub(p, tf.mul(velocity, lr)));
  }
}

export function createOptimizer(kind: OptimizerKind, params: tf.Variable[]): Optimizer {
  if (kind === 'rmsprop') return new RmsProp(params);
  if (kind === 'sgd') return new SgdMomentum(params);
  return new Adam(params);
}
