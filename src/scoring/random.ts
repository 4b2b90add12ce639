/** Seeded randomness for bootstrap resampling (core/random.ts): results are reproducible. */
import { createSeededRandom } from '../core/random.js';

export { hashSeed } from '../core/random.js';

/** Uniform numbers in (0, 1). */
export function createRandom(seed: string | number): () => number {
  return createSeededRandom(seed);
}

/** Integer in [0, n). */
export function randomIndex(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}
