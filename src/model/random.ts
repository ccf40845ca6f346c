// Seeded randomness, so that one seed reproduces a run: initial weights, batch order and samples.

/** A generator of floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for batch order, initialisation and sampling. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent stream for one purpose ("init", "batches", …) from the run's seed. */
export function deriveRng(seed: number, purpose: string): Rng {
  let h = seed >>> 0;
  for (let i = 0; i < purpose.length; i++) h = Math.imul(h ^ purpose.charCodeAt(i), 0x9e3779b1);
  return mulberry32(h ^ (h >>> 16));
}

/** An integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Fills a buffer with uniform values in [-limit, limit). */
export function uniformArray(rng: Rng, size: number, limit: number): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = (rng() * 2 - 1) * limit;
  return out;
}
