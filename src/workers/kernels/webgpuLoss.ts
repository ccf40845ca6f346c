// Softmax cross-entropy and its gradient (src/model/loss.ts's kernel) on tfjs's webgpu backend,
// for software adapters only, beside our product (webgpuMatMul.ts). Op by op, the row maximum and
// sum are tfjs reductions, which stage partial sums in workgroup memory behind barriers: in Node on
// Dawn's SwiftShader they took 150 ms of a 1x128 LSTM step for [1600, 65] logits. Here one
// invocation walks one row: no barriers. Three programs: the gradient [N, V], each row's loss
// [N], and their mean (one invocation: N additions).
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { flatDispatch, webgpuBackend } from './webgpuBackend.ts';

// The row's maximum m and its sum of exp(x - m), for `row` of logits [N, V] (V = logitsShape.y).
const ROW_STATS = `
fn rowStats(row : i32) -> vec2<f32> {
  let v = uniforms.logitsShape.y;
  let o = row * v;
  var m = logits[o];
  for (var j = 1; j < v; j = j + 1) {
    m = max(m, logits[o + j]);
  }
  var s = 0.0;
  for (var j = 0; j < v; j = j + 1) {
    s = s + exp(logits[o + j] - m);
  }
  return vec2<f32>(m, s);
}
`;

/** One invocation per row of [rows, ...]: tfjs's flat layout, main gets the row. */
function perRow(rows: number, outputShape: number[], key: string, body: string): WebGPUProgram {
  return {
    outputShape,
    shaderKey: key,
    variableNames: ['logits', 'targets'],
    dispatchLayout: { x: outputShape.map((_, i) => i) },
    ...flatDispatch(rows),
    getUserCode: () => `${ROW_STATS}
fn main(row : i32) {
  if (row >= uniforms.logitsShape.x) {
    return;
  }
  let stats = rowStats(row);
  let t = targets[row];
  let o = row * uniforms.logitsShape.y;
${body}
}
`,
  };
}

// dLoss/dLogits = (softmax - onehot) / N.
const GRADIENT = `  let n = f32(uniforms.logitsShape.x);
  let scale = 1.0 / (stats.y * n);
  for (var j = 0; j < uniforms.logitsShape.y; j = j + 1) {
    let onehot = select(0.0, 1.0 / n, j == t);
    result[o + j] = exp(logits[o + j] - stats.x) * scale - onehot;
  }`;

// -log softmax_t = log(sum) + max - x_t.
const ROW_LOSS = `  result[row] = log(stats.y) + stats.x - logits[o + t];`;

const MEAN: WebGPUProgram = {
  outputShape: [1],
  shaderKey: 'charRnnLoss_mean',
  variableNames: ['rowLoss'],
  dispatchLayout: { x: [0] },
  dispatch: [1, 1, 1],
  workgroupSize: [1, 1, 1],
  getUserCode: () => `
fn main(index : i32) {
  if (index > 0) {
    return;
  }
  var total = 0.0;
  for (var r = 0; r < uniforms.rowLossShape; r = r + 1) {
    total = total + rowLoss[r];
  }
  result[0] = total / f32(uniforms.rowLossShape);
}
`,
};

/** The kernel: [loss (scalar), dLoss/dLogits [N, V]] for logits [N, V] and int32 targets [N]. */
export const lossWebgpu: KernelFunc = ({ inputs, backend }) => {
  const { logits, targets } = inputs as { logits: TensorInfo; targets: TensorInfo };
  const webgpu = webgpuBackend(backend);
  const [n, vocab] = logits.shape as [number, number];
  const both = [logits, targets];
  const grad = webgpu.runWebGPUProgram(
    perRow(n, [n, vocab], 'charRnnLoss_gradient', GRADIENT),
    both,
    'float32',
  );
  const rows = webgpu.runWebGPUProgram(
    perRow(n, [n], 'charRnnLoss_rows', ROW_LOSS),
    both,
    'float32',
  );
  const mean = webgpu.runWebGPUProgram(MEAN, [rows], 'float32');
  webgpu.disposeData(rows.dataId);
  // The mean's one element, as the scalar the model expects.
  return [{ dataId: mean.dataId, shape: [], dtype: 'float32' }, grad];
};
