/** Wilson score interval for one pass rate (STATS.md "One pass rate"). Never Wald: too narrow at small n. */
import type { Interval } from './types.js';

/**
 * k successes of n at normal quantile z (1.96 = 95% two-sided). k and n may be fractional: the
 * design-effect correction for repeated cases passes k/deff and n/deff. n = 0 gives [0, 1].
 */
export function wilsonInterval(k: number, n: number, z = 1.959963984540054): Interval {
  if (!(n > 0)) return { low: 0, high: 1 };
  if (k < 0 || k > n) throw new RangeError(`wilson interval needs 0 <= k <= n, got k=${k}, n=${n}`);
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}
