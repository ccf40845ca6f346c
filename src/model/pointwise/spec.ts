// Fused point-wise kernels for the recurrent cells: one kernel per role per timestep instead of a
// dozen (slice, sigmoid, tanh, mul, add, concat...). On the GPU backends each tfjs kernel is a
// dispatch with a fixed cost, so at workshop sizes (B=32, H=128) a step is bound by how many run,
// not by arithmetic.
//
// A kernel is described once, as data: its inputs (2-D tensors) and, per block of H output
// columns, an expression over those inputs (the optimizers' updates in optimizers.ts are specs
// too: one block as wide as the parameter, reading the clip scale and step size as scalars).
// Each backend turns the description into its own code
// (through one straight-line program, linear.ts): a generated JS function on cpu (cpuKernel.ts),
// a GLSL program on WebGL and a WGSL program on WebGPU (src/workers/kernels). Output element
// [b, k*H + j] = blocks[k] evaluated at row b, unit j, where input n is read at
// [rowOffset_n + b, colOffset_n + block*H + j].
//
// Backends without the kernel (wasm) keep the op-by-op cells, which are fast there already.
import * as tf from '@tensorflow/tfjs-core';
import type { NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import { linearise } from './linear.ts';

/** The registered kernel name; one name, the description travels in the attributes. */
export const POINTWISE_KERNEL = 'CharRnnPointwise';

export type Expr =
  /** input[rowOffset + b, colOffset + block * H + j] */
  | { op: 'read'; input: number; block: number }
  /** input[rowOffset, colOffset], the same for every output element (a step size, a scale) */
  | { op: 'scalar'; input: number }
  | { op: 'const'; value: number }
  | { op: 'sigmoid' | 'tanh' | 'sqrt'; a: Expr }
  | { op: 'add' | 'sub' | 'mul' | 'div'; a: Expr; b: Expr };

export interface PointwiseSpec {
  /** Names the generated program (its cache key, with H and the input layout). */
  readonly name: string;
  /** How many inputs, in order; names only for generated code and messages. */
  readonly inputs: readonly string[];
  /** Output block k (columns k*H .. k*H+H-1) is blocks[k]. */
  readonly blocks: readonly Expr[];
}

export const read = (input: number, block = 0): Expr => ({ op: 'read', input, block });
export const scalar = (input: number): Expr => ({ op: 'scalar', input });
export const num = (value: number): Expr => ({ op: 'const', value });
export const sqrt = (a: Expr): Expr => ({ op: 'sqrt', a });
export const div = (a: Expr, b: Expr): Expr => ({ op: 'div', a, b });
export const sigmoid = (a: Expr): Expr => ({ op: 'sigmoid', a });
export const tanh = (a: Expr): Expr => ({ op: 'tanh', a });
export const add = (a: Expr, b: Expr, ...more: Expr[]): Expr =>
  more.reduce<Expr>((sum, x) => ({ op: 'add', a: sum, b: x }), { op: 'add', a, b });
export const sub = (a: Expr, b: Expr): Expr => ({ op: 'sub', a, b });
export const mul = (a: Expr, b: Expr, ...more: Expr[]): Expr =>
  more.reduce<Expr>((p, x) => ({ op: 'mul', a: p, b: x }), { op: 'mul', a, b });
/** 1 - y^2: tanh's derivative from its output. */
export const tanhGrad = (y: Expr): Expr => sub(num(1), mul(y, y));
/** s (1 - s): the sigmoid's derivative from its output. */
export const sigmoidGrad = (s: Expr): Expr => mul(s, sub(num(1), s));

/** The attributes every backend's kernel receives. */
export interface PointwiseAttrs {
  spec: PointwiseSpec;
  hidden: number; // H
  rows: number; // B, the output's rows
  rowOffsets: number[]; // one per input
  colOffsets: number[]; // one per input
}

/** One input: a 2-D tensor read from row `row` and column `col` on (default 0, 0). */
export interface PointwiseInput {
  x: tf.Tensor2D;
  row?: number;
  col?: number;
}

/** Input n's name in the kernel's input map. */
export const inputName = (n: number): string => `x${n}`;

/** Whether the active backend has the fused kernel (cells fall back to op-by-op code if not). */
export function hasPointwiseKernel(): boolean {
  return tf.getKernel(POINTWISE_KERNEL, tf.getBackend()) !== undefined;
}

/** Runs `spec` on the active backend: [rows, blocks * hidden]. */
export function pointwise(
  spec: PointwiseSpec,
  hidden: number,
  rows: number,
  inputs: PointwiseInput[],
): tf.Tensor2D {
  if (inputs.length !== spec.inputs.length) {
    throw new Error(`${spec.name} takes ${spec.inputs.length} inputs, got ${inputs.length}`);
  }
  const map: Record<string, tf.Tensor> = {};
  inputs.forEach((input, n) => (map[inputName(n)] = input.x));
  const attrs: PointwiseAttrs = {
    spec,
    hidden,
    rows,
    rowOffsets: inputs.map((i) => i.row ?? 0),
    colOffsets: inputs.map((i) => i.col ?? 0),
  };
  return tf
    .engine()
    .runKernel(POINTWISE_KERNEL, map, attrs as unknown as tf.NamedAttrMap) as tf.Tensor2D;
}

/**
 * A backend kernel's inputs in the spec's order, once every read is checked to stay inside its
 * input; each backend's kernel starts here.
 */
export function kernelInputs(inputs: NamedTensorInfoMap, attrs: PointwiseAttrs): TensorInfo[] {
  const infos = attrs.spec.inputs.map((_, n) => inputs[inputName(n)]!);
  checkReads(
    attrs,
    infos.map((t) => t.shape),
  );
  return infos;
}

/** The flat index of input n's element [rowOffset, colOffset], in rows `width` wide. */
export function startIndex(attrs: PointwiseAttrs, n: number, width: number): number {
  return attrs.rowOffsets[n]! * width + attrs.colOffsets[n]!;
}

/** Per spec and key, what a backend generates from it, made once (specs are module constants). */
export function perSpecCache<T>(): (spec: PointwiseSpec, key: string, make: () => T) => T {
  const bySpec = new WeakMap<PointwiseSpec, Map<string, T>>();
  return (spec, key, make) => {
    let byKey = bySpec.get(spec);
    if (!byKey) bySpec.set(spec, (byKey = new Map()));
    let value = byKey.get(key);
    if (value === undefined) byKey.set(key, (value = make()));
    return value;
  };
}

/** Every read stays inside its input. */
function checkReads(attrs: PointwiseAttrs, shapes: readonly (readonly number[])[]): void {
  const { spec, hidden, rows, rowOffsets, colOffsets } = attrs;
  const { highestBlock: maxBlock, scalarInputs } = linearise(spec);
  spec.inputs.forEach((name, n) => {
    const [r, c] = shapes[n] ?? [];
    const scalarOnly = maxBlock[n]! < 0;
    if (scalarOnly && !scalarInputs.includes(n)) return;
    const rowEnd = rowOffsets[n]! + (scalarOnly ? 1 : rows);
    const colEnd = colOffsets[n]! + (scalarOnly ? 1 : (maxBlock[n]! + 1) * hidden);
    if (r === undefined || c === undefined || rowEnd > r || colEnd > c) {
      throw new Error(`${spec.name}: input ${name} [${shapes[n]}] is too small for its reads`);
    }
  });
}
