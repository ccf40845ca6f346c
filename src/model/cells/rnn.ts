// The simple (Elman) RNN of the lectures, with hand-written backprop through time:
//   s_t = tanh(x_t W + s_{t-1} U + b)
import * as tf from '@tensorflow/tfjs-core';
import { byTransposed, timesWeight } from '../matMul.ts';
import { joinSteps, splitSteps, sumOuter, tanhDerivative } from './steps.ts';
import type { CellCache, RecurrentCell } from './types.ts';

interface RnnCache extends CellCache {
  h: tf.Tensor2D[]; // [B, H] s_t
  hPrev: tf.Tensor2D; // [T*B, H] s_{t-1} of every t
}

export const rnnCell: RecurrentCell = {
  kind: 'rnn',
  gates: 1,
  gateNames: ['state'],

  initialBias(hidden) {
    return new Float32Array(hidden);
  },

  forward(zxAll, seqLen, initial, recurrent, keepCache) {
    const hs: tf.Tensor2D[] = [];
    let h = initial.h;
    for (const zx of splitSteps(zxAll, seqLen)) {
      h = tf.tanh(tf.add(zx, timesWeight(h, recurrent))) as tf.Tensor2D; // [B, H]
      hs.push(h);
    }
    const cache: RnnCache | null = keepCache
      ? { kind: 'rnn', h: hs, hPrev: joinSteps([initial.h, ...hs.slice(0, -1)]) }
      : null;
    return { hAll: joinSteps(hs), final: { h, c: null }, cache };
  },

  backward(dhAll, cacheIn, recurrent) {
    const cache = cacheIn as RnnCache;
    const seqLen = cache.h.length;
    const byUT = byTransposed(recurrent); // x -> x U^T, [B, H] -> [B, H]
    const dhSteps = splitSteps(dhAll, seqLen);
    const dzSteps = new Array<tf.Tensor2D>(seqLen);
    let dhNext: tf.Tensor2D | null = null;
    for (let t = seqLen - 1; t >= 0; t--) {
      const dh: tf.Tensor2D = dhNext ? tf.add(dhSteps[t]!, dhNext) : dhSteps[t]!;
      const dz = tf.mul(dh, tanhDerivative(cache.h[t]!)) as tf.Tensor2D; // [B, H]
      dzSteps[t] = dz;
      dhNext = byUT(dz);
    }
    const dz = joinSteps(dzSteps); // [T*B, H]
    return { dz, dRecurrent: sumOuter(cache.hPrev, dz) }; // [H, H]
  },

  step(zx, state, recurrent) {
    const h = tf.tanh(tf.add(zx, timesWeight(state.h, recurrent))) as tf.Tensor2D;
    return { state: { h, c: null }, activations: { state: h } };
  },
};
