/**
 * Seeded pseudo-random numbers for jitter and sampling, so that the same request gives the same
 * figure byte for byte (mulberry32: 32-bit state, fast, good enough for plotting).
 */

/** A deterministic generator of uniform numbers in [0, 1) from a seed. */
export function createRandom(seed: number): () => number {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `k` of the indices `0..n-1`, chosen uniformly without replacement and returned in increasing order
 * (Knuth's selection sampling, Algorithm S: one pass, no extra memory beyond the result).
 */
export function sampleIndices(n: number, k: number, seed: number): number[] {
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  const random = createRandom(seed);
  const out: number[] = [];
  for (let i = 0; i < n && out.length < k; i++) {
    if ((n - i) * random() < k - out.length) out.push(i);
  }
  return out;
}

/** `n` horizontal offsets uniform in [-halfWidth, halfWidth], deterministic from the seed. */
export function computeJitter(n: number, seed: number, halfWidth: number): Float64Array {
  const random = createRandom(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (random() * 2 - 1) * halfWidth;
  return out;
}
