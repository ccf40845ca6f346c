// Generation speed: the app's StatefulSampler, one character at a time with a readback each (as
// the samples panel generates), on freshly initialised weights (speed does not depend on them).
import { createCharRnn, disposeCharRnn, initialValues } from '../../model/network.ts';
import { mulberry32 } from '../../model/random.ts';
import { pickFromLogits, StatefulSampler } from '../../model/sample.ts';
import { networkShape } from './configs.ts';
import { errorMessage, secondsSince } from './figures.ts';
import { INIT_SEED } from './ours.ts';
import type { BenchConfig, GenerationFigures } from './types.ts';

const WARMUP_CHARS = 3;

export async function benchGeneration(
  config: BenchConfig,
  seconds: number,
  maxChars: number,
): Promise<GenerationFigures> {
  const shape = networkShape(config);
  const net = createCharRnn(shape, initialValues(shape, INIT_SEED));
  const sampler = new StatefulSampler(net);
  const rng = mulberry32(1);
  let id = 0;
  const next = async () => (id = pickFromLogits(await sampler.step(id), 1, rng));
  try {
    for (let i = 0; i < WARMUP_CHARS; i++) await next();
    const start = performance.now();
    let chars = 0;
    while (chars < maxChars && (chars === 0 || secondsSince(start) < seconds)) {
      await next();
      chars += 1;
    }
    const elapsed = secondsSince(start);
    return {
      config: config.name,
      chars,
      seconds: elapsed,
      charsPerSecond: chars / elapsed,
      reason: null,
    };
  } catch (e) {
    return {
      config: config.name,
      chars: 0,
      seconds: 0,
      charsPerSecond: null,
      reason: errorMessage(e),
    };
  } finally {
    sampler.dispose();
    disposeCharRnn(net);
  }
}
