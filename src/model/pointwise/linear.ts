// A PointwiseSpec's blocks as one straight-line program: each distinct sub-expression once, in an
// order where every step comes after its arguments. The code generators (JS here, GLSL and WGSL in
// src/workers/kernels) only spell the steps in their language. Shared terms matter: the LSTM's c_t
// reuses the i, f and g gates, GRU's blocks share its candidate, and each backward kernel reuses
// dc; on SwiftShader and in JS arithmetic saved is time saved.
import type { Expr, PointwiseSpec } from './spec.ts';

/** One step; `a` and `b` are indices of earlier steps. */
export type Step =
  | { op: 'read'; input: number; block: number }
  | { op: 'scalar'; input: number }
  | { op: 'const'; value: number }
  | { op: 'sigmoid' | 'tanh' | 'sqrt'; a: number }
  | { op: 'add' | 'sub' | 'mul' | 'div'; a: number; b: number };

/** The binary steps' operators, as JS, GLSL and WGSL all write them. */
export const INFIX = { add: '+', sub: '-', mul: '*', div: '/' } as const;

export interface LinearProgram {
  steps: Step[];
  /** The step holding block k's value. */
  results: number[];
  /** The inputs some step reads, ascending. */
  inputsRead: number[];
  /** Per input of the spec, the highest block it is read at (-1: never read by block). */
  highestBlock: number[];
  /** The inputs read as a scalar, ascending. */
  scalarInputs: number[];
}

// Specs are module constants; the kernels ask on every call (checkReads), several per timestep.
const programs = new WeakMap<PointwiseSpec, LinearProgram>();

/** The spec's blocks as steps, common sub-expressions merged (structurally equal, equal value). */
export function linearise(spec: PointwiseSpec): LinearProgram {
  const cached = programs.get(spec);
  if (cached) return cached;
  const steps: Step[] = [];
  const byKey = new Map<string, number>();
  const add = (key: string, step: Step): number => {
    let index = byKey.get(key);
    if (index === undefined) {
      index = steps.push(step) - 1;
      byKey.set(key, index);
    }
    return index;
  };
  const visit = (e: Expr): number => {
    switch (e.op) {
      case 'read':
        return add(`r${e.input}.${e.block}`, { op: 'read', input: e.input, block: e.block });
      case 'scalar':
        return add(`s${e.input}`, { op: 'scalar', input: e.input });
      case 'const':
        return add(`c${e.value}`, { op: 'const', value: e.value });
      case 'sigmoid':
      case 'tanh':
      case 'sqrt': {
        const a = visit(e.a);
        return add(`${e.op}(${a})`, { op: e.op, a });
      }
      case 'add':
      case 'sub':
      case 'mul':
      case 'div': {
        const [a, b] = [visit(e.a), visit(e.b)];
        return add(`${e.op}(${a},${b})`, { op: e.op, a, b });
      }
    }
  };
  const results = spec.blocks.map(visit);
  const highestBlock = new Array<number>(spec.inputs.length).fill(-1);
  for (const step of steps) {
    if (step.op === 'read')
      highestBlock[step.input] = Math.max(highestBlock[step.input]!, step.block);
  }
  const scalars = new Set(steps.flatMap((step) => (step.op === 'scalar' ? [step.input] : [])));
  const scalarInputs = [...scalars].sort((a, b) => a - b);
  const inputsRead = highestBlock.flatMap((block, n) => (block >= 0 || scalars.has(n) ? [n] : []));
  const program = { steps, results, inputsRead, highestBlock, scalarInputs };
  programs.set(spec, program);
  return program;
}
