import { describe, expect, it } from 'vitest';
import { argument, benchOptions } from './arguments.ts';

describe('bench arguments', () => {
  it('reads the common flags, with every backend and the defaults when none is given', () => {
    expect(benchOptions([], [])).toEqual({
      backends: ['webgpu', 'webgl', 'wasm', 'cpu'],
      short: false,
      maxStepSeconds: 15,
      wasmThreads: [],
      fused: true,
      only: null,
    });
    const args = ['--backends=wasm,cpu', '--short', '--max-step-seconds=40', '--only=2x512'];
    expect(benchOptions([...args, '--wasm-threads=1,2', '--no-fused'], [])).toEqual({
      backends: ['wasm', 'cpu'],
      short: true,
      maxStepSeconds: 40,
      wasmThreads: [1, 2],
      fused: false,
      only: '2x512',
    });
  });

  it("takes a runner's own flags and leaves their values to it", () => {
    const args = ['--app-seconds=0', '--short'];
    expect(benchOptions(args, ['app-seconds=']).short).toBe(true);
    expect(argument(args, 'app-seconds')).toBe('0');
    expect(() => benchOptions(args, [])).toThrow('Unknown arguments: --app-seconds=0');
    // A flag without a value does not match one that takes a value, nor the reverse.
    expect(() => benchOptions(['--short=1'], [])).toThrow(/Unknown/);
    expect(() => benchOptions(['--only'], [])).toThrow(/Unknown/);
  });

  it('refuses an unknown backend, a bad step limit and bad thread counts', () => {
    expect(() => benchOptions(['--backends=wasm,cuda'], [])).toThrow('--backends takes');
    expect(() => benchOptions(['--max-step-seconds=0'], [])).toThrow('positive number');
    expect(() => benchOptions(['--wasm-threads=1,x'], [])).toThrow('positive whole numbers');
  });
});
