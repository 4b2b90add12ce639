/**
 * How many cases each stratum gets. Proportional: n·N_s/N; equal: n/S. Every stratum gets at least
 * min(K, N_s) and at most N_s; the rest is shared by water-filling (a common multiplier found by
 * bisection, clamped per stratum) and rounded by largest remainder so the total is exactly n (or
 * every available case when there are fewer than n).
 */
import type { Allocation } from './types.js';

export function allocateSample(sizes: number[], n: number, mode: Allocation, minimum: number): number[] {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const lows = sizes.map((size) => Math.min(size, minimum));
  const lowTotal = lows.reduce((sum, low) => sum + low, 0);
  const target = Math.min(total, Math.max(n, lowTotal));
  const weights = sizes.map((size) => (mode === 'equal' ? (size > 0 ? 1 : 0) : size));
  const share = (lambda: number): number[] => sizes.map((size, i) => Math.min(size, Math.max(lows[i]!, lambda * weights[i]!)));
  const sum = (values: number[]): number => values.reduce((acc, value) => acc + value, 0);
  let low = 0;
  let high = Math.max(1, target);
  while (sum(share(high)) < target && high < 1e15) high *= 2;
  for (let i = 0; i < 100; i += 1) {
    const middle = (low + high) / 2;
    if (sum(share(middle)) < target) low = middle;
    else high = middle;
  }
  const exact = share(high);
  const counts = exact.map(Math.floor);
  let missing = target - sum(counts);
  const order = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    if (counts[i]! < sizes[i]!) {
      counts[i]! += 1;
      missing -= 1;
    }
  }
  return counts;
}
