/** Seeded randomness (core/random.ts), so a seed gives the same sample everywhere. */
export { createSeededRandom as createRandom } from '../core/random.js';
