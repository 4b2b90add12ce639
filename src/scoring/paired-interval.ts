/**
 * Intervals for the paired difference Δ = (c − b)/n, candidate − reference (STATS.md). The default
 * is Tango's score interval (good coverage down to small n and at Δ near ±1); Agresti–Min is the
 * documented closed-form fallback, used when asked or when the score root cannot be bracketed.
 */
import { zOneSided } from './normal.js';
import type { Interval } from './types.js';

export type PairedIntervalMethod = 'tango' | 'agresti-min';

export interface DiscordantCounts {
  /** Reference passes, candidate fails. */
  b: number;
  /** Reference fails, candidate passes. */
  c: number;
  /** All pairs (a + b + c + d). */
  n: number;
}

export interface PairedInterval extends Interval {
  method: PairedIntervalMethod;
}

/**
 * Interval for Δ with one-sided error `alpha` on each side (alpha = 0.05 gives the one-sided 95%
 * lower bound used for non-inferiority, and a 90% two-sided interval; alpha = 0.025 gives 95%).
 */
export function pairedDifferenceInterval(counts: DiscordantCounts, alpha = 0.05, method: PairedIntervalMethod = 'tango'): PairedInterval {
  assertCounts(counts);
  const z = zOneSided(1 - alpha);
  if (method === 'tango') {
    const tango = tangoInterval(counts, z);
    if (tango) return { ...tango, method: 'tango' };
  }
  return { ...agrestiMinInterval(counts, z), method: 'agresti-min' };
}

/** Agresti–Min: Δ̃ = (c − b)/(n + 2), SE = sqrt((b + c + 1) − (c − b)²/(n + 2))/(n + 2), Δ̃ ± z·SE. */
export function agrestiMinInterval({ b, c, n }: DiscordantCounts, z: number): Interval & { estimate: number; se: number } {
  const estimate = (c - b) / (n + 2);
  const se = Math.sqrt(Math.max(0, b + c + 1 - ((c - b) * (c - b)) / (n + 2))) / (n + 2);
  return { estimate, se, low: Math.max(-1, estimate - z * se), high: Math.min(1, estimate + z * se) };
}

/**
 * Tango (1998) score interval: the Δ where |Z(Δ)| ≤ z, with
 * Z(Δ) = (c − b − nΔ)/sqrt(n(2q̃ + Δ(1 − Δ))) and q̃ the restricted MLE of the b-cell probability:
 * 2n·q² + W·q − b·Δ(1 − Δ) = 0, W = −(b + c) + Δ(2n − c + b). Z falls as Δ rises, so each end is a
 * bisection. Returns null when the ends cannot be bracketed (then Agresti–Min is used).
 */
export function tangoInterval({ b, c, n }: DiscordantCounts, z: number): Interval | null {
  if (n === 0) return null;
  const score = (delta: number): number => {
    const w = -(b + c) + delta * (2 * n - c + b);
    const q = (Math.sqrt(Math.max(0, w * w + 8 * n * b * delta * (1 - delta))) - w) / (4 * n);
    const variance = n * (2 * q + delta * (1 - delta));
    const numerator = c - b - n * delta;
    if (variance <= 1e-300) return numerator === 0 ? 0 : numerator > 0 ? Infinity : -Infinity;
    return numerator / Math.sqrt(variance);
  };
  const low = solveDecreasing((delta) => score(delta) - z);
  const high = solveDecreasing((delta) => score(delta) + z);
  if (low === null || high === null) return null;
  return { low, high };
}

/** Root of a decreasing function on [−1, 1]; the boundary when f keeps one sign there. */
function solveDecreasing(f: (delta: number) => number): number | null {
  let low = -1;
  let high = 1;
  const atLow = f(low);
  const atHigh = f(high);
  if (Number.isNaN(atLow) || Number.isNaN(atHigh)) return null;
  if (atLow <= 0) return -1;
  if (atHigh >= 0) return 1;
  for (let iteration = 0; iteration < 100; iteration += 1) {
    const middle = (low + high) / 2;
    const value = f(middle);
    if (Number.isNaN(value)) return null;
    if (value > 0) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

function assertCounts({ b, c, n }: DiscordantCounts): void {
  if (!(b >= 0 && c >= 0 && n >= b + c)) {
    throw new RangeError(`paired counts need b, c >= 0 and n >= b + c, got b=${b}, c=${c}, n=${n}`);
  }
}
