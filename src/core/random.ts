/**
 * Seeded randomness for everything that must replay: sampling, the simulator's dice, bootstrap
 * resampling. sfc32 keyed by a string hash (xmur3): the same seed gives the same numbers on every
 * machine and Node version.
 */

/** Four 32-bit words from any seed label. */
export function hashSeed(seed: string | number): [number, number, number, number] {
  const text = String(seed);
  let h = 1779033703 ^ text.length;
  for (let index = 0; index < text.length; index += 1) {
    h = Math.imul(h ^ text.charCodeAt(index), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
  return [next(), next(), next(), next()];
}

/** Uniform numbers in the open interval (0, 1): safe for log(u) in weighted sampling. */
export function createSeededRandom(seed: string | number): () => number {
  let [a, b, c, d] = hashSeed(seed);
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return ((t >>> 0) + 0.5) / 4294967296;
  };
}
