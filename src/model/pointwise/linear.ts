// A PointwiseSpec's blocks as one straight-line program: each distinct sub-expression once, in an
// order where every step comes after its arguments. The code generators (JS here, GLSL and WGSL in
// src/workers/kernels) only spell the steps in their language. Shared terms matter: the LSTM's c_t
// reuses the i, f and g gates, GRU's blocks share its candidate, and each backward kernel reuses
// dc; on SwiftShader and in JS arithmetic saved is time saved.
import type { Expr } from './spec.ts';

/** One step; `a` and `b` are indices of earlier steps. */
export type Step =
  | { op: 'read'; input: number; block: number }
  | { op: 'const'; value: number }
  | { op: 'sigmoid' | 'tanh'; a: number }
  | { op: 'add' | 'sub' | 'mul'; a: number; b: number };

export interface LinearProgram {
  steps: Step[];
  /** The step holding block k's value. */
  results: number[];
}

// Specs are module constants and each generator asks once per program; cached per blocks array.
const programs = new WeakMap<readonly Expr[], LinearProgram>();

/** The blocks as steps, common sub-expressions merged (structurally equal, equal value). */
export function linearise(blocks: readonly Expr[]): LinearProgram {
  const cached = programs.get(blocks);
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
      case 'const':
        return add(`c${e.value}`, { op: 'const', value: e.value });
      case 'sigmoid':
      case 'tanh': {
        const a = visit(e.a);
        return add(`${e.op}(${a})`, { op: e.op, a });
      }
      case 'add':
      case 'sub':
      case 'mul': {
        const [a, b] = [visit(e.a), visit(e.b)];
        return add(`${e.op}(${a},${b})`, { op: e.op, a, b });
      }
    }
  };
  const program = { steps, results: blocks.map(visit) };
  programs.set(blocks, program);
  return program;
}

/** The inputs the program reads, ascending. */
export function inputsRead(program: LinearProgram): number[] {
  const used = new Set<number>();
  for (const s of program.steps) if (s.op === 'read') used.add(s.input);
  return [...used].sort((a, b) => a - b);
}

/** The highest block each of `inputCount` inputs is read at (-1: never read). */
export function highestBlocks(program: LinearProgram, inputCount: number): number[] {
  const highest = new Array<number>(inputCount).fill(-1);
  for (const s of program.steps) {
    if (s.op === 'read') highest[s.input] = Math.max(highest[s.input]!, s.block);
  }
  return highest;
}
