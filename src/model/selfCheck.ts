// A backend self-check: one tiny training step's loss and gradients, compared with the cpu backend.
// GPU backends have shipped wrong kernels (on WebGPU here, int32 transpose and cast; on wasm,
// OneHot's dtype), so a backend is trusted only after it reproduces cpu's numbers for the cell
// about to train.
import * as tf from '@tensorflow/tfjs-core';
import { randomBatch } from './batches.ts';
import type { CellKind } from './cells/index.ts';
import { createCharRnn, disposeCharRnn, initialValues, zeroStates } from './network.ts';
import type { NetworkShape } from './network.ts';
import { lossAndGradients } from './passes.ts';
import { mulberry32 } from './random.ts';
import { batchTensors } from './train.ts';

const CHECK_BATCH = 3;
const CHECK_SEQ = 5;

/** Small but not trivial: two layers exercise the layer-to-layer gradient path. */
export function checkShape(cell: CellKind, embedding: boolean): NetworkShape {
  return { cell, vocabSize: 7, embeddingSize: embedding ? 3 : 0, layers: 2, hiddenSize: 8 };
}

export interface CheckValues {
  loss: number;
  grads: Float32Array[];
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
    const values = await Promise.all(grads.map((g) => g.data() as Promise<Float32Array>));
    const lossValue = (await loss.data())[0] ?? Number.NaN;
    tf.dispose([loss, ...grads]);
    return { loss: lossValue, grads: values };
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
  for (let p = 0; p < expected.grads.length; p++) {
    const e = expected.grads[p]!;
    const a = actual.grads[p];
    if (!a || a.length !== e.length) return `gradient ${p} has the wrong size`;
    const scale = e.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    for (let i = 0; i < e.length; i++) {
      const diff = Math.abs((a[i] ?? Number.NaN) - (e[i] ?? 0));
      if (!(diff <= tolerance * Math.max(scale, 1e-3))) {
        return `gradient ${p} differs from cpu by ${diff.toExponential(2)} at element ${i}`;
      }
    }
  }
  return null;
}
