// The simple RNN with fused point-wise kernels (see ../pointwise/spec.ts): per timestep a matMul
// and one kernel each way, where rnn.ts runs 3 forward and 5 backward.
import * as tf from '@tensorflow/tfjs-core';
import { byTransposed, timesWeight } from '../matMul.ts';
import * as pw from '../pointwise/spec.ts';
import { joinSteps, sumOuter } from './steps.ts';
import type { CellForward, CellState, FusedCellCache, FusedPath } from './types.ts';

/** s_t = tanh(x_t W + b + s_{t-1} U), [B, H]. */
const next: pw.PointwiseSpec = {
  name: 'rnnNext',
  inputs: ['zx', 'hU'], // [T*B, H] at row t*B, [B, H]
  blocks: [pw.tanh(pw.add(pw.read(0), pw.read(1)))],
};

/** dL/dz_t = (dh from above + dh from step t+1) (1 - s_t^2), [B, H]. */
const gradient: pw.PointwiseSpec = {
  name: 'rnnGradient',
  inputs: ['dhOut', 'dhNext', 'h'], // [T*B, H] at row t*B, [B, H], [T*B, H] at row t*B
  blocks: [pw.mul(pw.add(pw.read(0), pw.read(1)), pw.tanhGrad(pw.read(2)))],
};

interface FusedRnnCache extends FusedCellCache {
  batch: number; // B
  hAll: tf.Tensor2D; // [T*B, H] s_t
  hPrev: tf.Tensor2D; // [T*B, H] s_{t-1}
}

function rnnForwardFused(
  zxAll: tf.Tensor2D, // [T*B, H]
  seqLen: number,
  initial: CellState,
  recurrent: tf.Tensor2D, // [H, H]
  keepCache: boolean,
): CellForward {
  const [rows, H] = zxAll.shape;
  const batch = rows / seqLen;
  const hs: tf.Tensor2D[] = [];
  let h = initial.h;
  for (let t = 0; t < seqLen; t++) {
    h = pw.pointwise(next, H, batch, [
      { x: zxAll, row: t * batch },
      { x: timesWeight(h, recurrent) },
    ]);
    hs.push(h);
  }
  const hAll = joinSteps(hs);
  const cache: FusedRnnCache | null = keepCache
    ? { kind: 'rnn', fused: true, batch, hAll, hPrev: joinSteps([initial.h, ...hs.slice(0, -1)]) }
    : null;
  return { hAll, final: { h, c: null }, cache };
}

function rnnBackwardFused(
  dhAll: tf.Tensor2D, // [T*B, H]
  cache: FusedRnnCache,
  recurrent: tf.Tensor2D, // [H, H]
): { dz: tf.Tensor2D; dRecurrent: tf.Tensor2D } {
  const [rows, H] = dhAll.shape;
  const batch = cache.batch;
  const seqLen = rows / batch;
  const byUT = byTransposed(recurrent); // x -> x U^T, [B, H] -> [B, H]
  const dzSteps = new Array<tf.Tensor2D>(seqLen);
  let dhNext = tf.zeros([batch, H]) as tf.Tensor2D;
  for (let t = seqLen - 1; t >= 0; t--) {
    const row = t * batch;
    const dz = pw.pointwise(gradient, H, batch, [
      { x: dhAll, row },
      { x: dhNext },
      { x: cache.hAll, row },
    ]);
    dzSteps[t] = dz;
    if (t > 0) dhNext = byUT(dz);
  }
  const dz = joinSteps(dzSteps); // [T*B, H]
  return { dz, dRecurrent: sumOuter(cache.hPrev, dz) }; // [H, H]
}

export const rnnFused: FusedPath = {
  forward: rnnForwardFused,
  backward: (dhAll, cache, recurrent) => rnnBackwardFused(dhAll, cache as FusedRnnCache, recurrent),
};
