// The GRU's recurrence with fused point-wise kernels (see ../pointwise/spec.ts), for backends that
// have them: per timestep 2 matMuls and 3 kernels each way, where gru.ts runs about 30 kernels.
// Same maths as gru.ts (reset gate before the recurrent product), gate layout [z | r | h].
import * as tf from '@tensorflow/tfjs-core';
import { byTransposed, timesWeight } from '../matMul.ts';
import * as pw from '../pointwise/spec.ts';
import { joinSteps, sumOuter } from './steps.ts';
import type { CellForward, CellState, FusedCellCache, FusedPath } from './types.ts';

const [Z, R, HH] = [0, 1, 2]; // blocks of zx and of the gates

/** [z | r] = sigmoid(x W_zr + b_zr + h_{t-1} U_zr), [B, 2H]. */
const gates: pw.PointwiseSpec = {
  name: 'gruGates',
  inputs: ['zx', 'hUzr'], // [T*B, 3H] at row t*B, [B, 2H]
  blocks: [
    pw.sigmoid(pw.add(pw.read(0, Z), pw.read(1, Z))),
    pw.sigmoid(pw.add(pw.read(0, R), pw.read(1, R))),
  ],
};

/** r * h_{t-1}, [B, H]: what multiplies U_h. */
const resetHidden: pw.PointwiseSpec = {
  name: 'gruResetHidden',
  inputs: ['zr', 'hPrev'],
  blocks: [pw.mul(pw.read(0, R), pw.read(1))],
};

// Shared by the specs below, whose inputs start [zx, zr, rhU, hPrev]: the candidate recomputed
// from x W_h + b_h and (r h_{t-1}) U_h rather than stored.
const z = pw.read(1, Z);
const r = pw.read(1, R);
const candidate = pw.tanh(pw.add(pw.read(0, HH), pw.read(2)));
const hPrev = pw.read(3);

/** h_t = hh + z (h_{t-1} - hh), [B, H]. */
const next: pw.PointwiseSpec = {
  name: 'gruNext',
  inputs: ['zx', 'zr', 'rhU', 'hPrev'],
  blocks: [pw.add(candidate, pw.mul(z, pw.sub(hPrev, candidate)))],
};

const backwardInputs = ['zx', 'zr', 'rhU', 'hPrev', 'dhOut', 'carry'];
const dh = pw.add(pw.read(4), pw.read(5)); // from the output above + from step t+1

/** dL/d(pre-activation of hh), [B, H]. */
const candidateGradient: pw.PointwiseSpec = {
  name: 'gruCandidateGradient',
  inputs: backwardInputs,
  blocks: [pw.mul(dh, pw.sub(pw.num(1), z), pw.tanhGrad(candidate))],
};

const dRh = pw.read(6); // dL/d(r h_{t-1}) = dah U_h^T
/** dL/d(pre-activations of z and r), [B, 2H]. */
const gateGradients: pw.PointwiseSpec = {
  name: 'gruGateGradients',
  inputs: [...backwardInputs, 'dRh'],
  blocks: [
    pw.mul(dh, pw.sub(hPrev, candidate), pw.sigmoidGrad(z)),
    pw.mul(dRh, hPrev, pw.sigmoidGrad(r)),
  ],
};

/** dL/dh_{t-1}: through z directly, through r h_{t-1}, and through both gates (dzr U_zr^T). */
const carry: pw.PointwiseSpec = {
  name: 'gruCarry',
  inputs: [...backwardInputs, 'dRh', 'dzrU'],
  blocks: [pw.add(pw.mul(dh, z), pw.mul(dRh, r), pw.read(7))],
};

interface FusedGruCache extends FusedCellCache {
  zxAll: tf.Tensor2D; // [T*B, 3H]
  zr: tf.Tensor2D[]; // per step [B, 2H]
  rh: tf.Tensor2D[]; // per step r * h_{t-1}, [B, H]
  rhU: tf.Tensor2D[]; // per step (r * h_{t-1}) U_h, [B, H]
  hPrev: tf.Tensor2D[]; // per step h_{t-1}, [B, H]
}

/** Column blocks of U = [U_z | U_r | U_h], [H, 3H]: the gates' part, then the candidate's. */
const gatePart: pw.PointwiseSpec = {
  name: 'gruGatePart',
  inputs: ['recurrent'],
  blocks: [pw.read(0, 0), pw.read(0, 1)],
};
const candidatePart: pw.PointwiseSpec = {
  name: 'gruCandidatePart',
  inputs: ['recurrent'],
  blocks: [pw.read(0, 2)],
};

/**
 * U split once per sequence into its gate part [H, 2H] and candidate part [H, H], as two copies
 * by our kernel: tfjs's cpu SplitV copies a column split element by element (230 ms at H = 512,
 * 11% of a 3x512 cpu step in Node).
 */
function splitRecurrent(recurrent: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const H = recurrent.shape[0];
  const u = [{ x: recurrent }];
  return [pw.pointwise(gatePart, H, H, u), pw.pointwise(candidatePart, H, H, u)];
}

function gruForwardFused(
  zxAll: tf.Tensor2D, // [T*B, 3H]
  seqLen: number,
  initial: CellState,
  recurrent: tf.Tensor2D, // [H, 3H]
  keepCache: boolean,
): CellForward {
  const batch = zxAll.shape[0] / seqLen;
  const H = zxAll.shape[1] / 3;
  const [uZr, uH] = splitRecurrent(recurrent);
  const cache: FusedGruCache = {
    kind: 'gru',
    fused: true,
    zxAll,
    zr: [],
    rh: [],
    rhU: [],
    hPrev: [],
  };
  const hs: tf.Tensor2D[] = [];
  let h = initial.h;
  for (let t = 0; t < seqLen; t++) {
    const zx = { x: zxAll, row: t * batch };
    const zr = pw.pointwise(gates, H, batch, [zx, { x: timesWeight(h, uZr) }]);
    const rh = pw.pointwise(resetHidden, H, batch, [{ x: zr }, { x: h }]);
    const rhU = timesWeight(rh, uH); // [B, H]
    cache.zr.push(zr);
    cache.rh.push(rh);
    cache.rhU.push(rhU);
    cache.hPrev.push(h);
    h = pw.pointwise(next, H, batch, [zx, { x: zr }, { x: rhU }, { x: h }]);
    hs.push(h);
  }
  return { hAll: joinSteps(hs), final: { h, c: null }, cache: keepCache ? cache : null };
}

function gruBackwardFused(
  dhAll: tf.Tensor2D, // [T*B, H]
  cache: FusedGruCache,
  recurrent: tf.Tensor2D, // [H, 3H]
): { dz: tf.Tensor2D; dRecurrent: tf.Tensor2D } {
  const seqLen = cache.zr.length;
  const [rows, H] = dhAll.shape;
  const batch = rows / seqLen;
  const [uZr, uH] = splitRecurrent(recurrent);
  const byUZrT = byTransposed(uZr); // x -> x U_zr^T, [B, 2H] -> [B, H]
  const byUHT = byTransposed(uH); // x -> x U_h^T, [B, H] -> [B, H]
  const dZr = new Array<tf.Tensor2D>(seqLen);
  const dAh = new Array<tf.Tensor2D>(seqLen);
  let carried = tf.zeros([batch, H]) as tf.Tensor2D;
  for (let t = seqLen - 1; t >= 0; t--) {
    const inputs: pw.PointwiseInput[] = [
      { x: cache.zxAll, row: t * batch },
      { x: cache.zr[t]! },
      { x: cache.rhU[t]! },
      { x: cache.hPrev[t]! },
      { x: dhAll, row: t * batch },
      { x: carried },
    ];
    const dah = pw.pointwise(candidateGradient, H, batch, inputs);
    const dRhIn = { x: byUHT(dah) }; // [B, H]
    const dzr = pw.pointwise(gateGradients, H, batch, [...inputs, dRhIn]);
    dZr[t] = dzr;
    dAh[t] = dah;
    if (t > 0) {
      const dzrU = { x: byUZrT(dzr) }; // [B, H]
      carried = pw.pointwise(carry, H, batch, [...inputs, dRhIn, dzrU]);
    }
  }
  const dzrAll = joinSteps(dZr); // [T*B, 2H]
  const dahAll = joinSteps(dAh); // [T*B, H]
  const dRecurrent = tf.concat(
    [sumOuter(joinSteps(cache.hPrev), dzrAll), sumOuter(joinSteps(cache.rh), dahAll)],
    1,
  ) as tf.Tensor2D; // [H, 3H]
  return { dz: tf.concat([dzrAll, dahAll], 1) as tf.Tensor2D, dRecurrent }; // dz [T*B, 3H]
}

export const gruFused: FusedPath = {
  forward: gruForwardFused,
  backward: (dhAll, cache, recurrent) => gruBackwardFused(dhAll, cache as FusedGruCache, recurrent),
};
