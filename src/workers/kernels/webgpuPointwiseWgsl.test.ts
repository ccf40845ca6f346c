// The WGSL emitter without a GPU: what it binds, that shared sub-expressions are computed once,
// and that constants become f32 literals. The numbers themselves are checked against cpu in the
// browser (e2e/fused-kernels.spec.ts, through the worker's self-check).
import { describe, expect, it } from 'vitest';
import * as pw from '../../model/pointwise/spec.ts';
import { emitPointwise } from './webgpuPointwiseWgsl.ts';

const body = (code: string): string => code.slice(code.indexOf('fn main'));

describe('emitPointwise', () => {
  it('computes a sub-expression shared by blocks once', () => {
    const f = pw.sigmoid(pw.add(pw.read(0, 1), pw.read(1, 1)));
    const spec: pw.PointwiseSpec = {
      name: 'shared',
      inputs: ['a', 'b', 'c'],
      blocks: [f, pw.mul(f, pw.read(2))],
    };
    const { code, used } = emitPointwise(spec, 5);
    expect(used).toEqual([0, 1, 2]);
    expect(body(code).match(/pwSigmoid\(/g)).toHaveLength(1);
    expect(body(code).match(/x0\[/g)).toHaveLength(1);
    expect(code).toContain('row * 10 + 5 + unit'); // block 1 of a [B, 2H] output, H = 5
    expect(code).toContain('uniforms.x0Shape.y + 5 + unit'); // block 1 of input 0
  });

  it('binds only the inputs it reads', () => {
    const spec: pw.PointwiseSpec = { name: 'skip', inputs: ['a', 'b', 'c'], blocks: [pw.read(2)] };
    const { code, used } = emitPointwise(spec, 3);
    expect(used).toEqual([2]);
    expect(code).not.toMatch(/\bx[01]\[/);
  });

  it('reads a scalar input at its start for every element, and divides and takes roots', () => {
    const spec: pw.PointwiseSpec = {
      name: 'update',
      inputs: ['p', 'unused', 'rate'],
      blocks: [pw.div(pw.mul(pw.read(0), pw.scalar(2)), pw.sqrt(pw.read(0)))],
    };
    const { code, used } = emitPointwise(spec, 6);
    expect(used).toEqual([0, 2]);
    expect(body(code)).toContain('f32(x2[uniforms.start2])');
    expect(body(code)).toMatch(/sqrt\(v\d+\)/);
    expect(body(code)).toMatch(/v\d+ \/ v\d+/);
  });

  it('writes constants as f32 literals and differs with H', () => {
    const spec: pw.PointwiseSpec = {
      name: 'consts',
      inputs: ['a'],
      blocks: [pw.add(pw.num(1), pw.mul(pw.num(-0.5), pw.num(1e21)), pw.read(0))],
    };
    const { code } = emitPointwise(spec, 4);
    expect(code).toContain('f32(1.0)');
    expect(code).toContain('f32(-0.5)');
    expect(code).toContain('f32(1e+21)');
    expect(emitPointwise(spec, 6).code).not.toBe(code);
    expect(() => emitPointwise({ ...spec, blocks: [pw.num(Infinity)] }, 4)).toThrow(/finite/);
  });
});
