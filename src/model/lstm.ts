// One LSTM layer with hand-written backprop through time.
//
// Gate layout of the 4H columns: [i | f | o | g]. The three sigmoid gates come first so a single
// sigmoid kernel covers 3H contiguous columns; tanh covers the candidate g. (Keras orders them
// [i | f | g | o]; an export permutes the last two blocks.) With z = x W + h_{t-1} U + b:
//   i, f, o = sigmoid(z[:, 0:3H]),  g = tanh(z[:, 3H:4H])
//   c_t = f * c_{t-1} + i * g,      h_t = o * tanh(c_t)
// Every tensor is time-major: row t*B + b holds timestep t of window b.
import * as tf from '@tensorflow/tfjs-core';

export interface LstmState {
  h: tf.Tensor2D; // [B, H]
  c: tf.Tensor2D; // [B, H]
}

/** What the backward pass needs from the forward pass, one entry per timestep. */
export interface LstmCache {
  sig: tf.Tensor2D[]; // [B, 3H] sigmoid gates i, f, o
  g: tf.Tensor2D[]; // [B, H] candidate
  cPrev: tf.Tensor2D[]; // [B, H] c_{t-1}
  tanhC: tf.Tensor2D[]; // [B, H] tanh(c_t)
  hPrev: tf.Tensor2D; // [T*B, H] h_{t-1} for every t, for the recurrent weight gradient
}

export interface LstmForward {
  hAll: tf.Tensor2D; // [T*B, H]
  final: LstmState;
  cache: LstmCache | null;
}

/** One timestep; returns the new state and the activations backprop needs. */
export function lstmCell(
  zx: tf.Tensor2D, // [B, 4H]: x W + b for this timestep
  state: LstmState,
  recurrent: tf.Tensor2D, // [H, 4H]
): { state: LstmState; sig: tf.Tensor2D; g: tf.Tensor2D; tanhC: tf.Tensor2D } {
  const [batch, fourH] = zx.shape;
  const hidden = fourH / 4;
  const z = tf.add(zx, tf.matMul(state.h, recurrent)); // [B, 4H]
  const sig = tf.sigmoid(tf.slice(z, [0, 0], [batch, 3 * hidden])) as tf.Tensor2D; // [B, 3H]
  const g = tf.tanh(tf.slice(z, [0, 3 * hidden], [batch, hidden])) as tf.Tensor2D; // [B, H]
  const [i, f, o] = tf.split(sig, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  const c = tf.add(tf.mul(f, state.c), tf.mul(i, g)) as tf.Tensor2D; // [B, H]
  const tanhC: tf.Tensor2D = tf.tanh(c);
  const h = tf.mul(o, tanhC) as tf.Tensor2D; // [B, H]
  return { state: { h, c }, sig, g, tanhC };
}

/**
 * Runs the recurrence over all timesteps. The input projection of every timestep is done before,
 * in one matMul (zxAll); here only the recurrent matMul runs per step.
 */
export function lstmForward(
  zxAll: tf.Tensor2D, // [T*B, 4H]
  seqLen: number,
  initial: LstmState,
  recurrent: tf.Tensor2D, // [H, 4H]
  keepCache: boolean,
): LstmForward {
  const zxSteps = tf.split(zxAll, seqLen, 0) as tf.Tensor2D[]; // T x [B, 4H]
  const cache: LstmCache | null = keepCache
    ? { sig: [], g: [], cPrev: [], tanhC: [], hPrev: initial.h }
    : null;
  const hs: tf.Tensor2D[] = [];
  const hPrevs: tf.Tensor2D[] = [];
  let state = initial;
  for (const zx of zxSteps) {
    hPrevs.push(state.h);
    const step = lstmCell(zx, state, recurrent);
    if (cache) {
      cache.sig.push(step.sig);
      cache.g.push(step.g);
      cache.cPrev.push(state.c);
      cache.tanhC.push(step.tanhC);
    }
    state = step.state;
    hs.push(state.h);
  }
  if (cache) cache.hPrev = tf.concat(hPrevs, 0); // [T*B, H]
  return { hAll: tf.concat(hs, 0), final: state, cache };
}

/**
 * Backprop through time for one layer. Given dL/dh_t for every timestep (from the layer above or
 * the output layer), returns dL/dz for every timestep (from which the caller derives the input
 * kernel, bias and input gradients with one matMul each) and the recurrent kernel gradient.
 */
export function lstmBackward(
  dhAll: tf.Tensor2D, // [T*B, H]
  cache: LstmCache,
  recurrent: tf.Tensor2D, // [H, 4H]
): { dz: tf.Tensor2D; dRecurrent: tf.Tensor2D } {
  const seqLen = cache.sig.length;
  const dhSteps = tf.split(dhAll, seqLen, 0) as tf.Tensor2D[];
  const dzSteps: tf.Tensor2D[] = new Array<tf.Tensor2D>(seqLen);
  // Transposed once here rather than per step through matMul's transposeB flag, which wasm runs
  // ~5x slower than a plain matMul (measured at [32, 512] x [512, 128]).
  const recurrentT = tf.transpose(recurrent); // [4H, H]
  let dhNext: tf.Tensor2D | null = null; // dL/dh_t arriving through h_t U of step t+1
  let dcNext: tf.Tensor2D | null = null; // dL/dc_t arriving through c_{t+1} = f c_t + ...
  for (let t = seqLen - 1; t >= 0; t--) {
    const sig = cache.sig[t]!;
    const g = cache.g[t]!;
    const tanhC = cache.tanhC[t]!;
    const [i, f, o] = tf.split(sig, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    const dh: tf.Tensor2D = dhNext ? tf.add(dhSteps[t]!, dhNext) : dhSteps[t]!;
    // dc = dcNext + dh * o * (1 - tanh(c)^2)
    let dc: tf.Tensor2D = tf.mul(tf.mul(dh, o), tf.sub(1, tf.square(tanhC)));
    if (dcNext) dc = tf.add(dc, dcNext);
    // Gradients at the gate outputs, then through sigmoid (s(1-s)) and tanh (1-g^2).
    const dGates = tf.concat([tf.mul(dc, g), tf.mul(dc, cache.cPrev[t]!), tf.mul(dh, tanhC)], 1);
    const dzSig = tf.mul(dGates, tf.mul(sig, tf.sub(1, sig))); // [B, 3H]
    const dzG = tf.mul(tf.mul(dc, i), tf.sub(1, tf.square(g))); // [B, H]
    const dz = tf.concat([dzSig, dzG], 1) as tf.Tensor2D; // [B, 4H]
    dzSteps[t] = dz;
    dhNext = tf.matMul(dz, recurrentT); // [B, H]
    dcNext = tf.mul(dc, f);
  }
  const dz = tf.concat(dzSteps, 0) as tf.Tensor2D; // [T*B, 4H]
  // All timesteps' recurrent gradients in one matMul: sum_t h_{t-1}^T dz_t.
  const dRecurrent = tf.matMul(tf.transpose(cache.hPrev), dz) as tf.Tensor2D; // [H, 4H]
  return { dz, dRecurrent };
}
