// The command-line flags both bench runners take (`npm run bench` in Chromium, `npm run
// bench:node` in Node), parsed once; each runner names its own extra flags.
import {
  DEFAULT_MAX_STEP_SECONDS,
  parseThreadCounts,
  type BenchOptions,
} from '../../src/workers/bench/types.ts';
import { BACKENDS } from '../../src/workers/protocol.ts';

const COMMON = ['short', 'backends=', 'max-step-seconds=', 'wasm-threads=', 'no-fused', 'only='];

/** The value of `--name=value`, if given. */
export function argument(args: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/**
 * Bench options from `args` (process.argv without node and the script); `extra`: the runner's own
 * flags, as 'name' or 'name=' for one with a value. Throws on an unknown flag or a bad value.
 */
export function benchOptions(args: readonly string[], extra: readonly string[]): BenchOptions {
  const flags = [...COMMON, ...extra];
  const unknown = args.filter(
    (a) => !flags.some((f) => (f.endsWith('=') ? a.startsWith(`--${f}`) : a === `--${f}`)),
  );
  if (unknown.length > 0) throw new Error(`Unknown arguments: ${unknown.join(' ')}`);
  const asked = (argument(args, 'backends') ?? BACKENDS.join(',')).split(',');
  const backends = BACKENDS.filter((b) => asked.includes(b));
  if (backends.length !== asked.length) throw new Error(`--backends takes ${BACKENDS.join(',')}`);
  const maxStepSeconds = Number(argument(args, 'max-step-seconds') ?? DEFAULT_MAX_STEP_SECONDS);
  if (!(maxStepSeconds > 0)) throw new Error('--max-step-seconds takes a positive number');
  const threadList = argument(args, 'wasm-threads') ?? '';
  const wasmThreads = parseThreadCounts(threadList);
  if (wasmThreads.length !== (threadList === '' ? 0 : threadList.split(',').length)) {
    throw new Error('--wasm-threads takes positive whole numbers, e.g. 1,2');
  }
  return {
    backends,
    short: args.includes('--short'),
    maxStepSeconds,
    wasmThreads,
    fused: !args.includes('--no-fused'),
    only: argument(args, 'only') ?? null,
  };
}
