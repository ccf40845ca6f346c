// Optimizers on tf.variable state, so that a step reads nothing back: Adam, RMSProp (char-rnn's
// default) and SGD with momentum, all behind global-norm gradient clipping. Each update is written
// twice, side by side: op by op (wasm, and the reference), and as fused point-wise kernels
// (pointwise/spec.ts) where the backend has them: Adam's 13 kernels per parameter, clipping's
// scale included, become 3 (one per variable written), which on the software GPUs, where a kernel
// costs about 0.1 ms whatever its size, is most of the optimizer's time.
import * as tf from '@tensorflow/tfjs-core';

import type { OptimizerKind } from './kinds.ts';
import * as pw from './pointwise/spec.ts';

/**
 * The factor that rescales all gradients together when their global L2 norm exceeds maxNorm,
 * keeping their direction (per-tensor clipping would bend it); the optimizer applies it. The norm
 * stays on the device: no readback.
 */
export function clipScale(
  grads: tf.Tensor[],
  maxNorm: number,
): { scale: tf.Scalar; norm: tf.Scalar } {
  // Added pairwise, not by tf.addN: tfjs's WebGPU AddN binds every input at once, and with 8 or
  // more (two layers and the output) exceeds the 8 storage buffers a shader may bind; its pipeline
  // is then invalid and the norm garbage (found by the self-check's updates).
  const squares = grads.map((g) => tf.sum(tf.square(g)));
  const norm = tf.sqrt(squares.reduce((sum, x) => tf.add(sum, x))) as tf.Scalar;
  // scale = maxNorm / max(norm, maxNorm): 1 when already small enough.
  return { scale: tf.div(maxNorm, tf.maximum(norm, maxNorm)), norm };
}

/** The clipped gradient inside a fused update: input `g` times scalar input `scale`. */
const clipped = (g: number, scale: number): pw.Expr => pw.mul(pw.read(g), pw.scalar(scale));

/** The clipped gradient squared: what Adam's v and RMSProp's mean square average. */
const clippedSquared = pw.mul(clipped(1, 2), clipped(1, 2));

/**
 * The update of a slot that keeps a running mean of `x` (an expression of the clipped gradient):
 * inputs the slot, then `g` and `scale`; the slot decayed by `decay`, plus (1 - decay) x.
 */
const runningMean = (name: string, slot: string, decay: number, x: pw.Expr): pw.PointwiseSpec => ({
  name,
  inputs: [slot, 'g', 'scale'],
  blocks: [pw.add(pw.mul(pw.read(0), pw.num(decay)), pw.mul(x, pw.num(1 - decay)))],
});

/** Input 0 (the parameter) minus `step` / (sqrt(input `meanSquare`) + epsilon): Adam, RMSProp. */
const normalisedStep = (step: pw.Expr, meanSquare: number, epsilon: number): pw.Expr =>
  pw.sub(pw.read(0), pw.div(step, pw.add(pw.sqrt(pw.read(meanSquare)), pw.num(epsilon))));

/** What a fused update reads besides its own slots: the raw gradient, and [1, 1] scalars. */
interface FusedInputs {
  g: tf.Tensor;
  /** clipScale's factor (1 when not clipping). */
  scale: tf.Tensor;
  /** fusedRate's value for this step. */
  rate: tf.Tensor;
}

/** A parameter (or slot) as the 2-D [rows, cols] a point-wise kernel takes; a bias is [1, cols]. */
const as2d = (t: tf.Tensor): tf.Tensor2D =>
  (t.rank === 2 ? t : tf.reshape(t, [1, t.size])) as tf.Tensor2D;

/** Runs an update spec over `x` (the parameter or slot it writes) and `inputs`, shaped as `x`. */
function fused(spec: pw.PointwiseSpec, x: tf.Tensor, inputs: tf.Tensor[]): tf.Tensor {
  const [rows, cols] = as2d(x).shape;
  const all = [x, ...inputs].map((t) => ({ x: as2d(t) }));
  return tf.reshape(pw.pointwise(spec, cols, rows, all), x.shape);
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

  /**
   * One update, the gradients first multiplied by `scale` (clipScale's) when given. Call inside
   * tf.tidy: temporaries are freed there, variables are kept.
   */
  apply(grads: tf.Tensor[], learningRate: number, scale: tf.Scalar | null = null): void {
    this.step += 1;
    if (pw.hasPointwiseKernel()) {
      const s = scale ? tf.reshape(scale, [1, 1]) : tf.ones([1, 1]);
      // [1, 1], made each step: Adam's changes with the step, and the user may change the rate.
      const rate = tf.tensor2d([[this.fusedRate(learningRate)]]);
      this.params.forEach((p, i) => this.fusedUpdate(p, i, { g: grads[i]!, scale: s, rate }));
      return;
    }
    this.params.forEach((p, i) => {
      this.update(p, scale ? tf.mul(grads[i]!, scale) : grads[i]!, i, learningRate);
    });
  }

  /** The update op by op; `g` is already clipped. */
  protected abstract update(p: tf.Variable, g: tf.Tensor, i: number, lr: number): void;

  /** The rate the fused update reads, the same for every parameter this step: lr by default. */
  protected fusedRate(lr: number): number {
    return lr;
  }

  /** The same update in fused kernels. */
  protected abstract fusedUpdate(p: tf.Variable, i: number, inputs: FusedInputs): void;

  dispose(): void {
    for (const v of this.slots) v.dispose();
  }
}

const { beta1, beta2, epsilon: adamEpsilon } = SETTINGS.adam;
// Inputs: the variable written first, then what the update reads; `g` is clipped in the kernel.
const ADAM_M = runningMean('adamM', 'm', beta1, clipped(1, 2));
const ADAM_V = runningMean('adamV', 'v', beta2, clippedSquared);
const ADAM_P: pw.PointwiseSpec = {
  name: 'adamP',
  inputs: ['p', 'm', 'v', 'stepSize'],
  blocks: [normalisedStep(pw.mul(pw.read(1), pw.scalar(3)), 2, adamEpsilon)],
};

class Adam extends Optimizer {
  constructor(params: tf.Variable[]) {
    super('adam', params, 2);
  }

  /** Bias correction folded into the step size (computed in JS: no tensors per step for it). */
  private stepSize(lr: number): number {
    return (lr * Math.sqrt(1 - beta2 ** this.step)) / (1 - beta1 ** this.step);
  }

  protected override fusedRate(lr: number): number {
    return this.stepSize(lr);
  }

  protected update(p: tf.Variable, g: tf.Tensor, i: number, lr: number): void {
    const m = this.slot(0, i);
    const v = this.slot(1, i);
    m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
    v.assign(tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2)));
    const step = tf.mul(m, this.stepSize(lr));
    p.assign(tf.sub(p, tf.div(step, tf.add(tf.sqrt(v), adamEpsilon))));
  }

  protected fusedUpdate(p: tf.Variable, i: number, { g, scale, rate }: FusedInputs) {
    const m = this.slot(0, i);
    const v = this.slot(1, i);
    m.assign(fused(ADAM_M, m, [g, scale]));
    v.assign(fused(ADAM_V, v, [g, scale]));
    p.assign(fused(ADAM_P, p, [m, v, rate]));
  }
}

const { decay, epsilon: rmsEpsilon } = SETTINGS.rmsprop;
const RMSPROP_MS = runningMean('rmspropMs', 'ms', decay, clippedSquared);
const RMSPROP_P: pw.PointwiseSpec = {
  name: 'rmspropP',
  inputs: ['p', 'g', 'scale', 'ms', 'lr'],
  blocks: [normalisedStep(pw.mul(clipped(1, 2), pw.scalar(4)), 3, rmsEpsilon)],
};

class RmsProp extends Optimizer {
  constructor(params: tf.Variable[]) {
    super('rmsprop', params, 1);
  }

  protected update(p: tf.Variable, g: tf.Tensor, i: number, lr: number): void {
    const ms = this.slot(0, i);
    ms.assign(tf.add(tf.mul(ms, decay), tf.mul(tf.square(g), 1 - decay)));
    p.assign(tf.sub(p, tf.div(tf.mul(g, lr), tf.add(tf.sqrt(ms), rmsEpsilon))));
  }

  protected fusedUpdate(p: tf.Variable, i: number, { g, scale, rate }: FusedInputs) {
    const ms = this.slot(0, i);
    ms.assign(fused(RMSPROP_MS, ms, [g, scale]));
    p.assign(fused(RMSPROP_P, p, [g, scale, ms, rate]));
  }
}

const SGD_VELOCITY: pw.PointwiseSpec = {
  name: 'sgdVelocity',
  inputs: ['velocity', 'g', 'scale'],
  blocks: [pw.add(pw.mul(pw.read(0), pw.num(SETTINGS.sgd.momentum)), clipped(1, 2))],
};
const SGD_P: pw.PointwiseSpec = {
  name: 'sgdP',
  inputs: ['p', 'velocity', 'lr'],
  blocks: [pw.sub(pw.read(0), pw.mul(pw.read(1), pw.scalar(2)))],
};

class SgdMomentum extends Optimizer {
  constructor(params: tf.Variable[]) {
    super('sgd', params, 1);
  }

  protected update(p: tf.Variable, g: tf.Tensor, i: number, lr: number): void {
    const velocity = this.slot(0, i);
    velocity.assign(tf.add(tf.mul(velocity, SETTINGS.sgd.momentum), g));
    p.assign(tf.sub(p, tf.mul(velocity, lr)));
  }

  protected fusedUpdate(p: tf.Variable, i: number, { g, scale, rate }: FusedInputs) {
    const velocity = this.slot(0, i);
    velocity.assign(fused(SGD_VELOCITY, velocity, [g, scale]));
    p.assign(fused(SGD_P, p, [velocity, rate]));
  }
}

export function createOptimizer(kind: OptimizerKind, params: tf.Variable[]): Optimizer {
  if (kind === 'rmsprop') return new RmsProp(params);
  if (kind === 'sgd') return new SgdMomentum(params);
  return new Adam(params);
}
