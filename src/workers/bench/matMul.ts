// The backend's matMul rate, measured in the same run as the trainers: the yardstick that
// utilisation is taken against. At 256^3 (the reference figure) and at a step's own shapes,
// where small products are bound by launch cost, not arithmetic. Measured on the product our
// trainer calls (src/model/matMul.ts): on cpu that is our own, faster than tf.matMul, so the
// yardstick is the best product the backend has; tf.matMul's own rate is reported beside it.
import * as tf from '@tensorflow/tfjs-core';
import { trainingFlopsPerChar } from '../../model/cost.ts';
import { matMul, timesWeight } from '../../model/matMul.ts';
import { gateWidth, networkShape } from './configs.ts';
import type { BenchConfig, StepMatMuls } from './types.ts';

/** Seconds each shape is timed for (after a warm-up that compiles its program). */
const MATMUL_SECONDS = 1;
const MAX_REPS = 2000;

type Product = (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;

/**
 * The products timed: our trainer's (`ours`), its product by a weight reused every timestep
 * (`weight`: our cpu product keeps it packed), and tf.matMul (`stock`, what the reference runs).
 */
export const PRODUCTS = {
  ours: (x, y) => matMul(x, y),
  weight: timesWeight,
  stock: (x, y) => tf.matMul(x, y),
} satisfies Record<string, Product>;

/** Runs `reps` products back to back and waits for the last one: queued GPU work is counted. */
async function timeReps(
  product: Product,
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  reps: number,
): Promise<number> {
  const start = performance.now();
  let last: tf.Tensor | null = null;
  for (let i = 0; i < reps; i++) {
    last?.dispose();
    last = product(a, b);
  }
  await last?.data();
  last?.dispose();
  return (performance.now() - start) / 1000;
}

/** GFLOP/s of [m, k] x [k, n] by `product`. */
export async function matMulGflops(
  m: number,
  k: number,
  n: number,
  product: Product = PRODUCTS.ours,
): Promise<number> {
  const a = tf.randomUniform([m, k], -1, 1) as tf.Tensor2D;
  const b = tf.randomUniform([k, n], -1, 1) as tf.Tensor2D;
  try {
    await timeReps(product, a, b, 2);
    const once = await timeReps(product, a, b, 1);
    const reps = Math.min(MAX_REPS, Math.max(3, Math.floor(MATMUL_SECONDS / Math.max(once, 1e-4))));
    const seconds = await timeReps(product, a, b, reps);
    return (2 * m * k * n * reps) / seconds / 1e9;
  } finally {
    a.dispose();
    b.dispose();
  }
}

/**
 * Rates at the shapes a training step multiplies, and their blend: per layer and character, the
 * forward recurrent product and its backward twin (4 H x G*H FLOPs) run one timestep at a time;
 * everything else (input projections, weight gradients, output layer) runs on the whole sequence.
 */
export async function stepMatMuls(config: BenchConfig): Promise<StepMatMuls> {
  const { batch, seqLen, hidden } = config;
  const gh = gateWidth(config);
  const perStep = await matMulGflops(batch, hidden, gh, PRODUCTS.weight);
  const wholeSequence = await matMulGflops(seqLen * batch, hidden, gh);
  const weightGradient = await matMulGflops(hidden, seqLen * batch, gh);
  const total = trainingFlopsPerChar(networkShape(config));
  const perStepFlops = Math.min(total, config.layers * 4 * hidden * gh);
  const mix = total / (perStepFlops / perStep + (total - perStepFlops) / wholeSequence);
  return { perStep, wholeSequence, weightGradient, mix };
}
