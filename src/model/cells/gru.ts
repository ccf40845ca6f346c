// GRU with hand-written backprop through time, in the formulation tfjs-layers' GRU uses (reset
// gate applied before the recurrent product, "reset_after = false"), so weights export as is.
//
// Gate layout of the 3H columns: [z | r | h]. With U = [U_zr | U_h]:
//   z, r = sigmoid(x W_zr + b_zr + h_{t-1} U_zr)          (update and reset gates)
//   h~   = tanh(x W_h + b_h + (r * h_{t-1}) U_h)           (candidate)
//   h_t  = z * h_{t-1} + (1 - z) * h~
import * as tf from '@tensorflow/tfjs-core';
import { byTransposed, timesWeight } from '../matMul.ts';
import { joinSteps, sigmoidDerivative, splitSteps, sumOuter, tanhDerivative } from './steps.ts';
import type { CellCache, CellState, RecurrentCell } from './types.ts';

interface GruCache extends CellCache {
  zr: tf.Tensor2D[]; // [B, 2H] update and reset gates
  hh: tf.Tensor2D[]; // [B, H] candidate
  hPrev: tf.Tensor2D[]; // [B, H] h_{t-1}
  rh: tf.Tensor2D[]; // [B, H] r * h_{t-1}
}

/** U split once per sequence into its gate part [H, 2H] and candidate part [H, H]. */
function splitRecurrent(recurrent: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const hidden = recurrent.shape[0];
  return tf.split(recurrent, [2 * hidden, hidden], 1) as [tf.Tensor2D, tf.Tensor2D];
}

function gruStep(zx: tf.Tensor2D, h: tf.Tensor2D, uZr: tf.Tensor2D, uH: tf.Tensor2D) {
  const hidden = h.shape[1];
  const [xZr, xH] = tf.split(zx, [2 * hidden, hidden], 1) as [tf.Tensor2D, tf.Tensor2D];
  const zr = tf.sigmoid(tf.add(xZr, timesWeight(h, uZr))) as tf.Tensor2D; // [B, 2H]
  const [z, r] = tf.split(zr, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
  const rh = tf.mul(r, h) as tf.Tensor2D;
  const hh = tf.tanh(tf.add(xH, timesWeight(rh, uH))) as tf.Tensor2D; // [B, H]
  const next = tf.add(hh, tf.mul(z, tf.sub(h, hh))) as tf.Tensor2D; // z h + (1 - z) hh
  return { h: next, zr, z, r, rh, hh };
}

export const gruCell: RecurrentCell = {
  kind: 'gru',
  gates: 3,
  gateNames: ['update', 'reset', 'candidate'],

  initialBias(hidden) {
    return new Float32Array(3 * hidden);
  },

  forward(zxAll, seqLen, initial, recurrent, keepCache) {
    const [uZr, uH] = splitRecurrent(recurrent);
    const cache: GruCache | null = keepCache
      ? { kind: 'gru', zr: [], hh: [], hPrev: [], rh: [] }
      : null;
    const hs: tf.Tensor2D[] = [];
    let h = initial.h;
    for (const zx of splitSteps(zxAll, seqLen)) {
      const step = gruStep(zx, h, uZr, uH);
      if (cache) {
        cache.zr.push(step.zr);
        cache.hh.push(step.hh);
        cache.hPrev.push(h);
        cache.rh.push(step.rh);
      }
      h = step.h;
      hs.push(h);
    }
    return { hAll: joinSteps(hs), final: { h, c: null }, cache };
  },

  backward(dhAll, cacheIn, recurrent) {
    const cache = cacheIn as GruCache;
    const seqLen = cache.zr.length;
    const [uZr, uH] = splitRecurrent(recurrent);
    const byUZrT = byTransposed(uZr); // x -> x U_zr^T, [B, 2H] -> [B, H]
    const byUHT = byTransposed(uH); // x -> x U_h^T, [B, H] -> [B, H]
    const dhSteps = splitSteps(dhAll, seqLen);
    const dZr = new Array<tf.Tensor2D>(seqLen);
    const dAh = new Array<tf.Tensor2D>(seqLen);
    let dhNext: tf.Tensor2D | null = null;
    for (let t = seqLen - 1; t >= 0; t--) {
      const zr = cache.zr[t]!;
      const hh = cache.hh[t]!;
      const hPrev = cache.hPrev[t]!;
      const [z, r] = tf.split(zr, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
      const dh: tf.Tensor2D = dhNext ? tf.add(dhSteps[t]!, dhNext) : dhSteps[t]!;
      // Through h_t = hh + z (h_{t-1} - hh): to the candidate, the update gate, and h_{t-1}.
      const dah = tf.mul(tf.mul(dh, tf.sub(1, z)), tanhDerivative(hh)) as tf.Tensor2D; // [B, H]
      const dz = tf.mul(dh, tf.sub(hPrev, hh));
      const dRh = byUHT(dah); // dL/d(r * h_{t-1}), [B, H]
      const dr = tf.mul(dRh, hPrev);
      const dzr = tf.mul(tf.concat([dz, dr], 1), sigmoidDerivative(zr)) as tf.Tensor2D; // [B, 2H]
      dZr[t] = dzr;
      dAh[t] = dah;
      // h_{t-1} feeds the output directly (z), the candidate through r, and both gates.
      dhNext = tf.add(tf.add(tf.mul(dh, z), tf.mul(dRh, r)), byUZrT(dzr));
    }
    const dzrAll = joinSteps(dZr); // [T*B, 2H]
    const dahAll = joinSteps(dAh); // [T*B, H]
    const dRecurrent = tf.concat(
      [sumOuter(joinSteps(cache.hPrev), dzrAll), sumOuter(joinSteps(cache.rh), dahAll)],
      1,
    ) as tf.Tensor2D; // [H, 3H]
    return { dz: tf.concat([dzrAll, dahAll], 1) as tf.Tensor2D, dRecurrent }; // dz [T*B, 3H]
  },

  step(zx, state: CellState, recurrent) {
    const [uZr, uH] = splitRecurrent(recurrent);
    const s = gruStep(zx, state.h, uZr, uH);
    return {
      state: { h: s.h, c: null },
      activations: { update: s.z, reset: s.r, candidate: s.hh },
    };
  },
};
