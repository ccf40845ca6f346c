// Row lookups by character id and their gradient (src/model/rows.ts) on tfjs's webgl backend, for
// software renderers, beside our product. Elsewhere on WebGL layer 0's one-hot input is a product
// of one-hot rows by its kernel: in a 1x128 LSTM step (batch 32, sequence 50, 65 characters) 13.7
// ms forward and 23 ms for the gradient, one-hot^T x dz along a 1,600-long inner dimension, almost
// all of it multiplying zeros (tf.gather + add: 15 ms; tfjs's segment sum for its gradient: 343).
// Here the lookup reads two texels per output texel, and the gradient sums each id's rows,
// found through the ids grouped by value on the CPU (rows.ts's idsInOrder): N x D/2 reads in all.
// The ids come from the CPU (train.ts's batchTensors) and these kernels never hand the ids tensor
// to a shader (they upload copies), so reading it here costs no GPU round trip; were it ever on
// the GPU, readSync would fetch it, correct though slower.
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { checkedIds, idsInOrder, ROWS_GRADIENT_KERNEL, ROWS_KERNEL } from '../../model/rows.ts';
import { PackedProgram } from './webglTextures.ts';

/**
 * One id's half of a texel: rows come in pairs, (2i, 2i+1) in (.xy, .zw). `get` reads the
 * packed texel of [row, col].
 */
const HALF_OF_ROW = (name: string) => `
vec2 halfOf${name}(int row, int col) {
  vec4 texel = get${name}(row, col);
  return row % 2 == 0 ? texel.xy : texel.zw;
}
`;

/** [N, D] = rows ids[n] of table [V, D], plus bias [D] when given. Padding written as zeros. */
export function rowsUserCode(n: number, d: number, withBias: boolean): string {
  return `${HALF_OF_ROW('Table')}
void main() {
  ivec2 rc = getOutputCoords();
  int r = rc.x;
  int c = rc.y;
  vec4 ids = getIds(r); // (ids[r], ids[r + 1], 0, 0): r is even
  bool secondRow = r + 1 < ${n};
  vec4 result = vec4(halfOfTable(int(ids.x), c), secondRow ? halfOfTable(int(ids.y), c) : vec2(0.0));
  ${withBias ? 'vec4 b = getBias(c); result += vec4(b.xy, secondRow ? b.xy : vec2(0.0));' : ''}
  if (c + 1 >= ${d}) result.yw = vec2(0.0);
  setOutput(result);
}
`;
}

/**
 * [V, D]: row v is the sum of dRows' rows n with ids[n] = v, which are order[starts[v]] up to
 * order[starts[v + 1]]. Each fragment sums two ids' rows, two columns each.
 */
export function rowsGradientUserCode(d: number): string {
  return `${HALF_OF_ROW('DRows')}
vec2 sortedRow(int j, int c) {
  vec4 pair = getOrder(j); // (order[j & ~1], order[j | 1], 0, 0)
  return halfOfDRows(int(j % 2 == 0 ? pair.x : pair.y), c);
}

void main() {
  ivec2 vc = getOutputCoords();
  int v = vc.x;
  int c = vc.y;
  vec4 bounds = getStarts(v); // (starts[v], starts[v + 1], 0, 0): v is even
  int end = int(getStarts(v + 2).x);
  vec2 first = vec2(0.0);
  vec2 second = vec2(0.0);
  for (int j = int(bounds.x); j < int(bounds.y); j++) first += sortedRow(j, c);
  for (int j = int(bounds.y); j < end; j++) second += sortedRow(j, c);
  vec4 result = vec4(first, second);
  if (c + 1 >= ${d}) result.yw = vec2(0.0);
  setOutput(result);
}
`;
}

/**
 * The ids' values, from the CPU copy tfjs keeps until a shader first reads them (int32 then; as
 * floats if they ever came back from the GPU).
 */
function idValues(webgl: MathBackendWebGL, ids: TensorInfo, vocab: number, kernel: string) {
  return checkedIds(webgl.readSync(ids.dataId) as ArrayLike<number>, vocab, kernel);
}

/** Runs `program` on `inputs` plus float copies of `made` (uploaded, then freed). */
function runWithMade(
  webgl: MathBackendWebGL,
  program: GPGPUProgram,
  inputs: TensorInfo[],
  made: Float32Array[],
): TensorInfo {
  const temps = made.map((values) => webgl.makeTensorInfo([values.length], 'float32', values));
  try {
    return webgl.compileAndRun(program, [...inputs, ...temps], 'float32');
  } finally {
    temps.forEach((t) => webgl.disposeIntermediateTensorInfo(t));
  }
}

export const rowsWebgl: KernelFunc = ({ inputs, backend }) => {
  const webgl = backend as MathBackendWebGL;
  const { table, ids, bias } = inputs as { table: TensorInfo; ids: TensorInfo; bias?: TensorInfo };
  const [vocab, width] = table.shape as [number, number];
  const values = idValues(webgl, ids, vocab, ROWS_KERNEL);
  const n = values.length;
  const names = bias ? ['table', 'bias', 'ids'] : ['table', 'ids'];
  const program = new PackedProgram(names, [n, width], rowsUserCode(n, width, !!bias));
  return runWithMade(webgl, program, bias ? [table, bias] : [table], [Float32Array.from(values)]);
};

export const rowsGradientWebgl: KernelFunc = ({ inputs, attrs, backend }) => {
  const webgl = backend as MathBackendWebGL;
  const { dRows, ids } = inputs as { dRows: TensorInfo; ids: TensorInfo };
  const { vocab } = attrs as unknown as { vocab: number };
  const width = dRows.shape[1]!;
  // Starts for an even count of ids: a fragment reads the end of the pair after its own.
  const { order, starts } = idsInOrder(
    idValues(webgl, ids, vocab, ROWS_GRADIENT_KERNEL),
    vocab,
    vocab + (vocab % 2),
  );
  const program = new PackedProgram(
    ['dRows', 'order', 'starts'],
    [vocab, width],
    rowsGradientUserCode(width),
  );
  return runWithMade(
    webgl,
    program,
    [dRows],
    [Float32Array.from(order), Float32Array.from(starts)],
  );
};
