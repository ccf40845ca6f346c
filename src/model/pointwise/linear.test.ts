// The straight-line form every code generator spells: shared terms once, arguments first.
import { describe, expect, it } from 'vitest';
import { linearise } from './linear.ts';
import * as pw from './spec.ts';

/** A spec of four inputs around `blocks`. */
const spec = (...blocks: pw.Expr[]): pw.PointwiseSpec => ({
  name: 'test',
  inputs: ['a', 'b', 'c', 'd'],
  blocks,
});

describe('linearise', () => {
  it("computes LSTM's shared gate once for both blocks that use it", () => {
    const f = pw.sigmoid(pw.add(pw.read(0, 1), pw.read(1, 1)));
    const { steps, results } = linearise(spec(f, pw.mul(f, pw.read(2))));
    expect(steps.filter((s) => s.op === 'sigmoid')).toHaveLength(1);
    expect(steps.filter((s) => s.op === 'read')).toHaveLength(3);
    expect(results).toHaveLength(2);
    expect(steps[results[0]!]!.op).toBe('sigmoid');
    expect(steps[results[1]!]!.op).toBe('mul');
  });

  it('puts every step after the steps it reads', () => {
    const g = pw.tanh(pw.sub(pw.num(1), pw.mul(pw.read(0), pw.read(0, 2))));
    const { steps } = linearise(spec(pw.add(g, pw.num(1)), pw.sigmoidGrad(g)));
    steps.forEach((s, i) => {
      if ('a' in s) expect(s.a).toBeLessThan(i);
      if ('b' in s) expect(s.b).toBeLessThan(i);
    });
    expect(steps.filter((s) => s.op === 'const' && s.value === 1)).toHaveLength(1);
  });

  it('keeps different reads and operand orders apart', () => {
    const { steps } = linearise(
      spec(pw.sub(pw.read(0), pw.read(1)), pw.sub(pw.read(1), pw.read(0))),
    );
    expect(steps.filter((s) => s.op === 'sub')).toHaveLength(2);
  });

  it('lists the inputs read and the highest block of each', () => {
    const program = linearise(spec(pw.add(pw.read(2, 3), pw.read(0)), pw.read(2, 1)));
    expect(program.inputsRead).toEqual([0, 2]);
    expect(program.highestBlock).toEqual([0, -1, 3, -1]);
  });

  it('counts an input read only as a scalar as read, once, with no block', () => {
    const scaled = pw.mul(pw.read(0), pw.scalar(3));
    const program = linearise(spec(pw.div(scaled, pw.sqrt(pw.add(scaled, pw.scalar(3))))));
    expect(program.inputsRead).toEqual([0, 3]);
    expect(program.scalarInputs).toEqual([3]);
    expect(program.highestBlock).toEqual([0, -1, -1, -1]);
    expect(program.steps.filter((s) => s.op === 'scalar')).toHaveLength(1);
    expect(program.steps.filter((s) => s.op === 'mul')).toHaveLength(1);
  });
});
