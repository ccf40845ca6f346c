// A backend's row lookups by character id and their gradient (embedding.ts: our rows kernels where
// registered, else a one-hot product) against plain arithmetic, at shapes that reach the edges of
// a packed kernel: an odd count of ids, an odd vocabulary and width (half-empty texels on WebGL),
// one id (generation), ids repeated, one id throughout, and ids the batch never uses. Run beside
// the product check (productCheck.ts) before a backend trains; this one names the lookup that fails.
import * as tf from '@tensorflow/tfjs-core';
import { embedRows, embedRowsGradient } from './embedding.ts';
import { mulberry32 } from './random.ts';

interface RowsCase {
  vocab: number;
  width: number;
  ids: number[];
  bias: boolean;
}

export const ROWS_CASES: readonly RowsCase[] = [
  { vocab: 7, width: 5, ids: [3, 0, 6, 3, 3, 1, 6], bias: true }, // 2, 4 and 5 unused
  { vocab: 6, width: 8, ids: [5], bias: false }, // generation: one character
  { vocab: 9, width: 12, ids: Array.from({ length: 16 }, () => 8), bias: true }, // one id only
];

/** Rows ids[n] of table (+ bias), and the table's gradient for upstream `d`: plain arithmetic. */
export function plainRows(c: RowsCase, table: Float32Array, bias: Float32Array, d: Float32Array) {
  const rows = new Float64Array(c.ids.length * c.width);
  const gradient = new Float64Array(c.vocab * c.width);
  c.ids.forEach((id, n) => {
    for (let j = 0; j < c.width; j++) {
      rows[n * c.width + j] = table[id * c.width + j]! + (c.bias ? bias[j]! : 0);
      gradient[id * c.width + j]! += d[n * c.width + j]!;
    }
  });
  return { rows, gradient };
}

function firstDifference(actual: Float32Array, expected: Float64Array, tolerance: number) {
  if (actual.length !== expected.length) return 'has the wrong size';
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i]! - expected[i]!);
    if (!(diff <= tolerance * Math.max(1, Math.abs(expected[i]!)))) {
      return `is off by ${diff.toExponential(2)} at element ${i}`;
    }
  }
  return null;
}

/** Null when every case matches within `tolerance`, else what differed. */
export async function checkRowLookups(tolerance = 1e-5): Promise<string | null> {
  const rng = mulberry32(13);
  const random = (count: number) => Float32Array.from({ length: count }, () => rng() * 2 - 1);
  for (const c of ROWS_CASES) {
    const [table, bias, d] = [
      random(c.vocab * c.width),
      random(c.width),
      random(c.ids.length * c.width),
    ];
    const [rows, gradient] = tf.tidy(() => {
      const ids = tf.tensor1d(c.ids, 'int32');
      const t = tf.tensor2d(table, [c.vocab, c.width]);
      const dt = tf.tensor2d(d, [c.ids.length, c.width]);
      return [
        embedRows(t, ids, c.bias ? tf.tensor1d(bias) : undefined),
        embedRowsGradient(dt, ids, c.vocab),
      ];
    });
    const values = [(await rows.data()) as Float32Array, (await gradient.data()) as Float32Array];
    tf.dispose([rows, gradient]);
    const expected = plainRows(c, table, bias, d);
    const name = `${c.ids.length} of [${c.vocab}, ${c.width}]${c.bias ? ' with a bias' : ''}`;
    const wrongRows = firstDifference(values[0]!, expected.rows, tolerance);
    if (wrongRows) return `the row lookup ${name} ${wrongRows}`;
    const wrongGradient = firstDifference(values[1]!, expected.gradient, tolerance);
    if (wrongGradient) return `the gradient of the row lookup ${name} ${wrongGradient}`;
  }
  return null;
}
