// LSTM with hand-written backprop through time.
//
// Gate layout of the 4H columns: [i | f | o | g]. The three sigmoid gates come first so a single
// sigmoid kernel covers 3H contiguous columns; tanh covers the candidate g. (Keras orders them
// [i | f | g | o]; an export permutes the last two blocks.) With z = x W + h_{t-1} U + b:
//   i, f, o = sigmoid(z[:, 0:3H]),  g = tanh(z[:, 3H:4H])
//   c_t = f * c_{t-1} + i * g,      h_t = o * tanh(c_t)
import * as tf from '@tensorflow/tfjs-core';
import { byTransposed, timesWeight } from '../matMul.ts';
import { joinSteps, sigmoidDerivative, splitSteps, sumOuter, tanhDerivative } from './steps.ts';
import type { CellCache, CellState, RecurrentCell } from './types.ts';

interface LstmCache extends CellCache {
  sig: tf.Tensor2D[]; // [B, 3H] sigmoid gates i, f, o
  g: tf.Tensor2D[]; // [B, H] candidate
  cPrev: tf.Tensor2D[]; // [B, H] c_{t-1}
  tanhC: tf.Tensor2D[]; // [B, H] tanh(c_t)
  hPrev: tf.Tensor2D; // [T*B, H] h_{t-1} of every t, for the recurrent gradient
}

function lstmStep(zx: tf.Tensor2D, state: CellState, recurrent: tf.Tensor2D) {
  const [batch, fourH] = zx.shape;
  const hidden = fourH / 4;
  const cPrev = state.c ?? (tf.zerosLike(state.h) as tf.Tensor2D);
  const z = tf.add(zx, timesWeight(state.h, recurrent)); // [B, 4H]
  const sig = tf.sigmoid(tf.slice(z, [0, 0], [batch, 3 * hidden])) as tf.Tensor2D; // [B, 3H]
  const g = tf.tanh(tf.slice(z, [0, 3 * hidden], [batch, hidden])) as tf.Tensor2D; // [B, H]
  const [i, f, o] = tf.split(sig, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)) as tf.Tensor2D; // [B, H]
  const tanhC = tf.tanh(c) as tf.Tensor2D;
  const h = tf.mul(o, tanhC) as tf.Tensor2D; // [B, H]
  return { state: { h, c }, sig, g, tanhC, cPrev, i, f, o };
}

export const lstmCell: RecurrentCell = {
  kind: 'lstm',
  gates: 4,
  gateNames: ['input', 'forget', 'output', 'candidate', 'cell'],

  initialBias(hidden) {
    // The forget gate starts at 1 (Jozefowicz et al. 2015): remember by default early on.
    return new Float32Array(4 * hidden).fill(1, hidden, 2 * hidden);
  },

  forward(zxAll, seqLen, initial, recurrent, keepCache) {
    const cache: LstmCache | null = keepCache
      ? { kind: 'lstm', sig: [], g: [], cPrev: [], tanhC: [], hPrev: initial.h }
      : null;
    const hs: tf.Tensor2D[] = [];
    const hPrevs: tf.Tensor2D[] = [];
    let state = initial;
    for (const zx of splitSteps(zxAll, seqLen)) {
      hPrevs.push(state.h);
      const step = lstmStep(zx, state, recurrent);
      if (cache) {
        cache.sig.push(step.sig);
        cache.g.push(step.g);
        cache.cPrev.push(step.cPrev);
        cache.tanhC.push(step.tanhC);
      }
      state = step.state;
      hs.push(state.h);
    }
    if (cache) cache.hPrev = joinSteps(hPrevs);
    return { hAll: joinSteps(hs), final: state, cache };
  },

  backward(dhAll, cacheIn, recurrent) {
    const cache = cacheIn as LstmCache;
    const seqLen = cache.sig.length;
    const dhSteps = splitSteps(dhAll, seqLen);
    const dzSteps = new Array<tf.Tensor2D>(seqLen);
    const byUT = byTransposed(recurrent); // x -> x U^T, [B, 4H] -> [B, H]
    let dhNext: tf.Tensor2D | null = null; // dL/dh_t arriving through step t+1's h_t U
    let dcNext: tf.Tensor2D | null = null; // dL/dc_t arriving through c_{t+1} = f c_t + ...
    for (let t = seqLen - 1; t >= 0; t--) {
      const sig = cache.sig[t]!;
      const g = cache.g[t]!;
      const tanhC = cache.tanhC[t]!;
      const [i, f, o] = tf.split(sig, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      const dh: tf.Tensor2D = dhNext ? tf.add(dhSteps[t]!, dhNext) : dhSteps[t]!;
      // dc = dcNext + dh * o * (1 - tanh(c)^2)
      let dc = tf.mul(tf.mul(dh, o), tanhDerivative(tanhC)) as tf.Tensor2D;
      if (dcNext) dc = tf.add(dc, dcNext);
      // Gradients at the gate outputs [di | df | do], then through the sigmoid; dg through tanh.
      const dGates = tf.concat([tf.mul(dc, g), tf.mul(dc, cache.cPrev[t]!), tf.mul(dh, tanhC)], 1);
      const dzSig = tf.mul(dGates, sigmoidDerivative(sig)); // [B, 3H]
      const dzG = tf.mul(tf.mul(dc, i), tanhDerivative(g)); // [B, H]
      const dz = tf.concat([dzSig, dzG], 1) as tf.Tensor2D; // [B, 4H]
      dzSteps[t] = dz;
      dhNext = byUT(dz); // [B, H]
      dcNext = tf.mul(dc, f);
    }
    const dz = joinSteps(dzSteps); // [T*B, 4H]
    return { dz, dRecurrent: sumOuter(cache.hPrev, dz) }; // [H, 4H]
  },

  step(zx, state, recurrent) {
    const s = lstmStep(zx, state, recurrent);
    return {
      state: s.state,
      activations: { input: s.i, forget: s.f, output: s.o, candidate: s.g, cell: s.tanhC },
    };
  },
};
