/** Clopper–Pearson exact interval, for safety failure rates where a guarantee matters. */
import { inverseRegularizedIncompleteBeta } from './special-functions.js';
import type { Interval } from './types.js';

/** Two-sided 1 − alpha interval: [BetaInv(α/2; k, n−k+1), BetaInv(1−α/2; k+1, n−k)]. */
export function clopperPearson(k: number, n: number, alpha = 0.05): Interval {
  assertCounts(k, n);
  if (n === 0) return { low: 0, high: 1 };
  const low = k === 0 ? 0 : inverseRegularizedIncompleteBeta(alpha / 2, k, n - k + 1);
  const high = k === n ? 1 : inverseRegularizedIncompleteBeta(1 - alpha / 2, k + 1, n - k);
  return { low, high };
}

/**
 * One-sided 1 − alpha upper bound: BetaInv(1 − α; k + 1, n − k). With 0 failures in n this is
 * 1 − α^(1/n) ≈ 3/n at α = 0.05, the figure a safety claim rests on.
 */
export function clopperPearsonUpper(k: number, n: number, alpha = 0.05): number {
  assertCounts(k, n);
  if (n === 0 || k === n) return 1;
  return inverseRegularizedIncompleteBeta(1 - alpha, k + 1, n - k);
}

function assertCounts(k: number, n: number): void {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`Clopper–Pearson needs integers 0 <= k <= n, got k=${k}, n=${n}`);
  }
}
