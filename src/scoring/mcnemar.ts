/** The mid-p McNemar test for paired pass/fail outcomes (STATS.md "Two candidates … paired"). */
import { logGamma } from './special-functions.js';

/**
 * Two-sided mid-p value for discordant counts b and c. Under no difference b ~ Binomial(b + c, ½);
 * with k = min(b, c): p = 2·[P(X ≤ k) − ½·P(X = k)], capped at 1. No discordant pairs gives 1.
 */
export function midPMcNemar(b: number, c: number): number {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
    throw new RangeError(`mid-p McNemar needs non-negative integer counts, got b=${b}, c=${c}`);
  }
  const m = b + c;
  if (m === 0) return 1;
  const k = Math.min(b, c);
  let cumulative = 0;
  let atK = 0;
  for (let j = 0; j <= k; j += 1) {
    const probability = halfBinomialPmf(m, j);
    cumulative += probability;
    if (j === k) atK = probability;
  }
  return Math.min(1, 2 * (cumulative - 0.5 * atK));
}

/** P(X = j) for X ~ Binomial(m, ½), in logs so that large m does not overflow. */
function halfBinomialPmf(m: number, j: number): number {
  return Math.exp(logGamma(m + 1) - logGamma(j + 1) - logGamma(m - j + 1) - m * Math.LN2);
}
