/** Non-inferiority of a candidate against a reference on paired outcomes (STATS.md "Qualifying"). */
import { midPMcNemar } from './mcnemar.js';
import { pairedDifferenceInterval, type PairedIntervalMethod } from './paired-interval.js';
import { casesToSettle } from './sample-size.js';
import type { PairedComparison } from './types.js';

export type NonInferiorityVerdict = 'non_inferior' | 'worse' | 'not_enough_evidence';

export interface PairedCounts {
  a: number;
  b: number;
  c: number;
  d: number;
}

export interface NonInferiorityOptions {
  /** One-sided error of the lower bound: 0.05 → one-sided 95%. */
  alpha?: number;
  method?: PairedIntervalMethod;
  /** Multiplies the interval half-widths (≥ 1) when pairs are clustered (repeats of a case). */
  designEffect?: number;
  /**
   * Answers per case (the run's repeat): the pairs are (case, repeat) answers, so the cases that
   * would settle the question are the pairs needed (inflated by the design effect) over this.
   */
  answersPerCase?: number;
}

export interface NonInferiorityResult extends PairedComparison {
  verdict: NonInferiorityVerdict;
  margin: number;
}

/**
 * Shown no worse than the reference by more than `margin`: the one-sided lower bound L of
 * Δ = (c − b)/n must satisfy L > −margin. Otherwise "worse" when the two-sided mid-p McNemar
 * test is below 0.05 and b > c, else "not enough evidence", with the cases that would settle it.
 */
export function nonInferiority(counts: PairedCounts, margin: number, options: NonInferiorityOptions = {}): NonInferiorityResult {
  const { a, b, c, d } = counts;
  const n = a + b + c + d;
  const alpha = options.alpha ?? 0.05;
  const oneSided = pairedDifferenceInterval({ b, c, n }, alpha, options.method);
  const twoSided = pairedDifferenceInterval({ b, c, n }, alpha / 2, options.method);
  const difference = n > 0 ? (c - b) / n : 0;
  const inflate = Math.sqrt(Math.max(1, options.designEffect ?? 1));
  const widen = (bound: number): number => Math.max(-1, Math.min(1, difference + (bound - difference) * inflate));
  const lowerBound = widen(oneSided.low);
  const midP = midPMcNemar(b, c);
  let verdict: NonInferiorityVerdict = 'non_inferior';
  if (!(n > 0 && lowerBound > -margin)) verdict = midP < 0.05 && b > c ? 'worse' : 'not_enough_evidence';
  const result: NonInferiorityResult = {
    a,
    b,
    c,
    d,
    n,
    difference,
    lower_bound: lowerBound,
    interval: { low: widen(twoSided.low), high: widen(twoSided.high) },
    mid_p: midP,
    method: inflate > 1 ? `${oneSided.method} (widened ×${inflate.toFixed(2)} for clustered cases: repeats or shared clusters)` : oneSided.method,
    verdict,
    margin,
  };
  if (verdict === 'not_enough_evidence') {
    const needed = casesToSettle(b, c, n, margin, 0.8, alpha);
    const perCase = Math.max(1, options.answersPerCase ?? 1);
    if (needed !== null) result.cases_needed = Math.ceil((needed * inflate * inflate) / perCase - 1e-9);
  }
  return result;
}
