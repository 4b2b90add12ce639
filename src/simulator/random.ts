/**
 * Seeded randomness. Every die the simulator throws comes from a stream keyed by a string, so a
 * draw depends on what is asked (seed, model, request, purpose), never on what was asked before.
 */

import { createSeededRandom } from '../core/random.js';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Lowercase hex string of the given length. */
  hex(length: number): string;
}

/** A stream keyed by `key` (core/random.ts) with the helpers the scripted models use. */
export function createRandom(key: string): Random {
  const next = createSeededRandom(key);
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    normal: () => {
      const u = Math.max(next(), Number.EPSILON);
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    hex: (length) => {
      let out = '';
      while (out.length < length) out += Math.floor(next() * 4294967296).toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
  };
  return random;
}

/** Dice for one request: one independent stream per purpose. */
export type Dice = (purpose: string) => Random;

export function createDice(baseKey: string): Dice {
  return (purpose) => createRandom(`${baseKey}\u0000${purpose}`);
}
