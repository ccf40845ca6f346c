// Softmax cross-entropy and its gradient (src/model/loss.ts's kernel) on tfjs's webgl backend, for
// software renderers, beside our product. Op by op the loss is about 14 kernels (log-softmax's
// max, subtraction, exp, sum and log, a one-hot, products, sums over the rows), each a draw and
// several of them reductions in passes: 10-12 ms of a 1x128 LSTM step on SwiftShader. Here it is
// three packed programs: each row pair's maximum and sum of exponentials, the gradient, and the
// mean loss (one fragment walking the rows).
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { PackedProgram, tfjsKernel } from './webglTextures.ts';

/**
 * [N, 2]: per row, its maximum m and the sum of exp(x - m), one texel (m, s) of rows r and r + 1.
 * The last texel column holds one value when V is odd.
 */
export function rowStatsUserCode(vocab: number): string {
  const whole = vocab - (vocab % 2); // columns in whole texels
  const last = vocab % 2 === 1 ? `getLogits(r, ${whole})` : '';
  return `
void main() {
  int r = getOutputCoords().x;
  vec2 m = vec2(-3.4e38);
  for (int c = 0; c < ${whole}; c += 2) {
    vec4 x = getLogits(r, c);
    m = max(m, max(x.xz, x.yw));
  }
  ${last ? `vec4 lastTexel = ${last}; m = max(m, lastTexel.xz);` : ''}
  vec2 s = vec2(0.0);
  for (int c = 0; c < ${whole}; c += 2) {
    vec4 x = getLogits(r, c);
    s += exp(x.xz - m) + exp(x.yw - m);
  }
  ${last ? 's += exp(lastTexel.xz - m);' : ''}
  setOutput(vec4(m.x, s.x, m.y, s.y));
}
`;
}

/** [N, V]: (softmax - onehot(target)) / N, padding written as zeros. */
export function lossGradientUserCode(rows: number, vocab: number): string {
  return `
void main() {
  ivec2 rc = getOutputCoords();
  int r = rc.x;
  int c = rc.y;
  vec4 x = getLogits(r, c);
  vec4 stats = getStats(r, 0); // (m, s) of rows r and r + 1
  vec4 t = getTargets(r); // (targets[r], targets[r + 1], 0, 0)
  vec4 m = stats.xxzz;
  vec4 s = stats.yyww;
  vec4 onehot = vec4(equal(vec4(c, c + 1, c, c + 1), floor(t.xxyy + 0.5)));
  vec4 g = (exp(x - m) / s - onehot) / ${rows}.0;
  if (c + 1 >= ${vocab}) g.yw = vec2(0.0);
  if (r + 1 >= ${rows}) g.zw = vec2(0.0);
  setOutput(g);
}
`;
}

/** [1]: the mean over rows of log(s) + m - x[target], one fragment adding N terms in order. */
export function meanLossUserCode(rows: number): string {
  return `
// getChannel (tfjs's): element [r, t] from the packed texel holding it.
float rowLoss(float m, float s, int r, float target) {
  int t = int(target + 0.5);
  return log(s) + m - getChannel(getLogits(r, t), vec2(r, t));
}

void main() {
  float total = 0.0;
  for (int r = 0; r < ${rows}; r += 2) {
    vec4 stats = getStats(r, 0);
    vec4 t = getTargets(r);
    total += rowLoss(stats.x, stats.y, r, t.x);
    if (r + 1 < ${rows}) total += rowLoss(stats.z, stats.w, r + 1, t.y);
  }
  setOutput(vec4(total / ${rows}.0, 0.0, 0.0, 0.0));
}
`;
}

/** The kernel: [loss (scalar), dLoss/dLogits [N, V]] for logits [N, V] and int32 targets [N]. */
export const lossWebgl: KernelFunc = ({ inputs, backend }) => {
  const webgl = backend as MathBackendWebGL;
  const { logits, targets } = inputs as { logits: TensorInfo; targets: TensorInfo };
  const [rows, vocab] = logits.shape as [number, number];
  const stats = webgl.compileAndRun(
    new PackedProgram(['logits'], [rows, 2], rowStatsUserCode(vocab)),
    [logits],
  );
  const temps = [stats];
  try {
    const withStats = [logits, stats, targets];
    const names = ['logits', 'stats', 'targets'];
    const gradient = webgl.compileAndRun(
      new PackedProgram(names, [rows, vocab], lossGradientUserCode(rows, vocab)),
      withStats,
    );
    const mean = webgl.compileAndRun(
      new PackedProgram(names, [1], meanLossUserCode(rows)),
      withStats,
    );
    temps.push(mean);
    // The mean's one element as the scalar the model expects (tfjs's Reshape copies if it must).
    return [tfjsKernel(webgl, 'Reshape', { x: mean }, { shape: [] }), gradient];
  } finally {
    temps.forEach((t) => webgl.disposeIntermediateTensorInfo(t));
  }
};
