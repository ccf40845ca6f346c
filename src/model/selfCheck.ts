// A backend self-check: one tiny training step's loss and gradients, and each optimizer's updates,
// compared with the cpu backend.
// GPU backends have shipped wrong kernels (on WebGPU here, int32 transpose and cast; on wasm,
// OneHot's dtype), so a backend is trusted only after it reproduces cpu's numbers for the cell
// about to train.
import * as tf from '@tensorflow/tfjs-core';
import { randomBatch } from './batches.ts';
import type { CellKind } from './cells/index.ts';
import { OPTIMIZER_KINDS } from './kinds.ts';
import { createCharRnn, disposeCharRnn, initialValues, parameters, zeroStates } from './network.ts';
import type { NetworkShape } from './network.ts';
import { clipScale, createOptimizer } from './optimizers.ts';
import { lossAndGradients } from './passes.ts';
import { mulberry32 } from './random.ts';
import { batchTensors } from './train.ts';

const CHECK_BATCH = 3;
const CHECK_SEQ = 5;
// The updates' check: a rate large enough that a wrong update shows beside float32 rounding, and a
// clip norm below the made-up gradients' norm (about 0.6 per element), so the clip scale matters.
const CHECK_RATE = 0.1;
const CHECK_CLIP = 1;

/** Small but not trivial: two layers exercise the layer-to-layer gradient path. */
export function checkShape(cell: CellKind, embedding: boolean): NetworkShape {
  return { cell, vocabSize: 7, embeddingSize: embedding ? 3 : 0, layers: 2, hiddenSize: 8 };
}

export interface CheckValues {
  loss: number;
  grads: Float32Array[];
  /** Per optimizer kind, then per parameter: what two clipped updates moved it by. */
  updates: Float32Array[];
}

/**
 * Two updates by each optimizer (fused kernels where the backend has them), from the same initial
 * weights, with made-up gradients, clipped: what each parameter moved. The gradients are the same
 * numbers on every backend and kept away from 0 (0.1 to 1 in size), where Adam's g / sqrt(g^2)
 * would turn float32 rounding into a different sign.
 */
async function updateValues(shape: NetworkShape): Promise<Float32Array[]> {
  const initial = initialValues(shape, 1);
  const rng = mulberry32(5);
  const made = initial.map((p) => p.map(() => (rng() < 0.5 ? -1 : 1) * (0.1 + 0.9 * rng())));
  const moved: Float32Array[] = [];
  for (const kind of OPTIMIZER_KINDS) {
    const net = createCharRnn(shape, initial);
    const params = parameters(net);
    const optimizer = createOptimizer(kind, params);
    try {
      tf.tidy(() => {
        const grads = made.map((g, i) => tf.tensor(g, params[i]!.shape));
        const { scale } = clipScale(grads, CHECK_CLIP);
        for (let step = 0; step < 2; step++) optimizer.apply(grads, CHECK_RATE, scale);
      });
      for (const [i, p] of params.entries()) {
        const after = (await p.data()) as Float32Array;
        moved.push(after.map((x, j) => x - initial[i]![j]!));
      }
    } finally {
      optimizer.dispose();
      disposeCharRnn(net);
    }
  }
  return moved;
}

/** Runs the check step on whatever backend is active now. */
export async function checkStepValues(shape: NetworkShape): Promise<CheckValues> {
  const rng = mulberry32(7);
  const ids = Int32Array.from({ length: 40 }, () => Math.floor(rng() * shape.vocabSize));
  const batch = randomBatch(ids, CHECK_BATCH, CHECK_SEQ, rng);
  const net = createCharRnn(shape, initialValues(shape, 1));
  try {
    const { loss, grads } = tf.tidy(() => {
      const { ids: x, targets } = batchTensors(batch);
      const out = lossAndGradients(net, x, targets, CHECK_SEQ, zeroStates(net, CHECK_BATCH));
      return { loss: out.loss, grads: out.grads };
    });
    try {
      const values = await Promise.all(grads.map((g) => g.data() as Promise<Float32Array>));
      const lossValue = (await loss.data())[0] ?? Number.NaN;
      return { loss: lossValue, grads: values, updates: await updateValues(shape) };
    } finally {
      tf.dispose([loss, ...grads]);
    }
  } finally {
    disposeCharRnn(net);
  }
}

/**
 * Null when `actual` matches `expected` within a relative tolerance (float32 on GPUs rounds
 * differently), else a sentence saying what differed.
 */
export function compareCheckValues(
  expected: CheckValues,
  actual: CheckValues,
  tolerance = 1e-3,
): string | null {
  const close = (a: number, b: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
  if (!Number.isFinite(actual.loss) || !close(actual.loss, expected.loss)) {
    return `its loss was ${actual.loss.toFixed(6)} where cpu gives ${expected.loss.toFixed(6)}`;
  }
  const perParam = expected.grads.length;
  return (
    compareArrays('gradient', expected.grads, actual.grads, tolerance, () => '') ??
    compareArrays('update', expected.updates, actual.updates, tolerance, (k) => {
      const kind = OPTIMIZER_KINDS[Math.floor(k / perParam)];
      return ` (${kind ?? '?'}, parameter ${k % perParam})`;
    })
  );
}

/** Arrays of `what` compared element by element, relative to each expected array's largest. */
function compareArrays(
  what: string,
  expected: Float32Array[],
  actual: Float32Array[],
  tolerance: number,
  name: (k: number) => string,
): string | null {
  for (let p = 0; p < expected.length; p++) {
    const e = expected[p]!;
    const a = actual[p];
    if (!a || a.length !== e.length) return `${what} ${p}${name(p)} has the wrong size`;
    const scale = e.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    for (let i = 0; i < e.length; i++) {
      const diff = Math.abs((a[i] ?? Number.NaN) - (e[i] ?? 0));
      if (!(diff <= tolerance * Math.max(scale, 1e-3))) {
        return `${what} ${p}${name(p)} differs from cpu by ${diff.toExponential(2)} at element ${i}`;
      }
    }
  }
  return null;
}
