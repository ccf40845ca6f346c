// The LSTM's recurrence with fused point-wise kernels (see ../pointwise/spec.ts), for backends that
// have them: per timestep 3 kernels forward (matMul, gates, h) and 3 backward (gradients,
// matMul, cell gradient), where the op-by-op cell in lstm.ts runs about 40. Same maths, same gate order.
import * as tf from '@tensorflow/tfjs-core';
import { byTransposed, timesWeight } from '../matMul.ts';
import * as pw from '../pointwise/spec.ts';
import { joinSteps, sumOuter } from './steps.ts';
import type { CellForward, CellState, FusedCellCache, FusedPath } from './types.ts';

const [I, F, O, G, C_PREV, C] = [0, 1, 2, 3, 4, 5]; // blocks of the step state S

/** S = [i | f | o | g | c_{t-1} | c_t], [B, 6H]: all the backward pass needs of one step. */
const gates: pw.PointwiseSpec = {
  name: 'lstmGates',
  inputs: ['zx', 'hu', 'cPrev'], // [T*B, 4H] at row t*B, [B, 4H], c_{t-1} at its column
  blocks: [
    pw.sigmoid(pw.add(pw.read(0, I), pw.read(1, I))),
    pw.sigmoid(pw.add(pw.read(0, F), pw.read(1, F))),
    pw.sigmoid(pw.add(pw.read(0, O), pw.read(1, O))),
    pw.tanh(pw.add(pw.read(0, G), pw.read(1, G))),
    pw.read(2),
    pw.add(
      pw.mul(pw.sigmoid(pw.add(pw.read(0, F), pw.read(1, F))), pw.read(2)),
      pw.mul(
        pw.sigmoid(pw.add(pw.read(0, I), pw.read(1, I))),
        pw.tanh(pw.add(pw.read(0, G), pw.read(1, G))),
      ),
    ),
  ],
};

/** h_t = o * tanh(c_t), [B, H]. */
const hidden: pw.PointwiseSpec = {
  name: 'lstmHidden',
  inputs: ['state'],
  blocks: [pw.mul(pw.read(0, O), pw.tanh(pw.read(0, C)))],
};

const s = (block: number) => pw.read(0, block);
const dh = pw.add(pw.read(1), pw.read(2)); // from the output above + from step t+1's h_t U
const tanhC = pw.tanh(s(C));
const dc = pw.add(pw.read(3), pw.mul(dh, s(O), pw.tanhGrad(tanhC))); // + dc_{t+1} f_{t+1}

/** dz = [dz_i | dz_f | dz_o | dz_g], [B, 4H]: the gradient at the gate pre-activations. */
const gradients: pw.PointwiseSpec = {
  name: 'lstmGradients',
  inputs: ['state', 'dhOut', 'dhNext', 'dcNext'],
  blocks: [
    pw.mul(dc, s(G), pw.sigmoidGrad(s(I))),
    pw.mul(dc, s(C_PREV), pw.sigmoidGrad(s(F))),
    pw.mul(dh, tanhC, pw.sigmoidGrad(s(O))),
    pw.mul(dc, s(I), pw.tanhGrad(s(G))),
  ],
};

/**
 * dL/dc_{t-1} through c_t = f c_{t-1} + ..., [B, H]. A kernel of its own (dc recomputed) rather
 * than a fifth block of `gradients`: dz then needs no column slice before its matMuls.
 */
const cellGradient: pw.PointwiseSpec = {
  name: 'lstmCellGradient',
  inputs: gradients.inputs,
  blocks: [pw.mul(dc, s(F))],
};

interface FusedLstmCache extends FusedCellCache {
  states: tf.Tensor2D[]; // per step S, [B, 6H]
  hPrev: tf.Tensor2D; // [T*B, H] h_{t-1} of every t
}

function lstmForwardFused(
  zxAll: tf.Tensor2D, // [T*B, 4H]
  seqLen: number,
  initial: CellState,
  recurrent: tf.Tensor2D, // [H, 4H]
  keepCache: boolean,
): CellForward {
  const batch = zxAll.shape[0] / seqLen;
  const H = zxAll.shape[1] / 4;
  let cPrev: pw.PointwiseInput = { x: initial.c ?? tf.zeros<tf.Rank.R2>([batch, H]) };
  let h = initial.h;
  const hs: tf.Tensor2D[] = [];
  const states: tf.Tensor2D[] = [];
  for (let t = 0; t < seqLen; t++) {
    const hu = timesWeight(h, recurrent); // [B, 4H]
    const state = pw.pointwise(gates, H, batch, [{ x: zxAll, row: t * batch }, { x: hu }, cPrev]);
    h = pw.pointwise(hidden, H, batch, [{ x: state }]);
    states.push(state);
    hs.push(h);
    cPrev = { x: state, col: C * H };
  }
  const c = tf.slice(states[seqLen - 1]!, [0, C * H], [batch, H]) as tf.Tensor2D;
  const cache: FusedLstmCache | null = keepCache
    ? { kind: 'lstm', fused: true, states, hPrev: joinSteps([initial.h, ...hs.slice(0, -1)]) }
    : null;
  return { hAll: joinSteps(hs), final: { h, c }, cache };
}

function lstmBackwardFused(
  dhAll: tf.Tensor2D, // [T*B, H]
  cache: FusedLstmCache,
  recurrent: tf.Tensor2D, // [H, 4H]
): { dz: tf.Tensor2D; dRecurrent: tf.Tensor2D } {
  const seqLen = cache.states.length;
  const [rows, H] = dhAll.shape;
  const batch = rows / seqLen;
  const byUT = byTransposed(recurrent); // x -> x U^T, [B, 4H] -> [B, H]
  let dhNext = tf.zeros([batch, H]) as tf.Tensor2D;
  let dcNext = dhNext;
  const dzSteps = new Array<tf.Tensor2D>(seqLen);
  for (let t = seqLen - 1; t >= 0; t--) {
    const inputs = [
      { x: cache.states[t]! },
      { x: dhAll, row: t * batch },
      { x: dhNext },
      { x: dcNext },
    ];
    const dz = pw.pointwise(gradients, H, batch, inputs); // [B, 4H]
    dzSteps[t] = dz;
    if (t > 0) {
      dhNext = byUT(dz); // [B, H]
      dcNext = pw.pointwise(cellGradient, H, batch, inputs);
    }
  }
  const dz = joinSteps(dzSteps); // [T*B, 4H]
  return { dz, dRecurrent: sumOuter(cache.hPrev, dz) }; // [H, 4H]
}

export const lstmFused: FusedPath = {
  forward: lstmForwardFused,
  backward: (dhAll, cache, recurrent) =>
    lstmBackwardFused(dhAll, cache as FusedLstmCache, recurrent),
};
