/**
 * Seeded bootstrap. A replicate is a vector of cluster weights (how many times each cluster was
 * drawn), so a statistic over clusters costs O(clusters) per replicate and a percentile costs one
 * walk over values sorted once — no re-sorting inside the loop.
 */
import { percentileOfSorted } from './percentile.js';
import { createRandom } from './random.js';
import { regularizedIncompleteBeta } from './special-functions.js';
import type { Interval } from './types.js';

export interface BootstrapOptions {
  /** Replicates B (STATS.md: 10,000 for the gate). */
  replicates?: number;
  seed?: string | number;
}

/** Replicate values of `statistic` (NaN replicates kept out). */
export function bootstrapClusters(
  clusterCount: number,
  statistic: (weights: Uint32Array) => number,
  options: BootstrapOptions = {},
): Float64Array {
  const replicates = options.replicates ?? 10_000;
  const random = createRandom(options.seed ?? 'chainproof-bootstrap');
  const weights = new Uint32Array(clusterCount);
  const values = new Float64Array(replicates);
  let kept = 0;
  for (let replicate = 0; replicate < replicates; replicate += 1) {
    weights.fill(0);
    for (let draw = 0; draw < clusterCount; draw += 1) weights[Math.floor(random() * clusterCount)]! += 1;
    const value = statistic(weights);
    if (Number.isFinite(value)) values[kept++] = value;
  }
  return values.slice(0, kept).sort();
}

/** Two-sided percentile interval of sorted replicate values at `confidence`. */
export function percentileInterval(sortedReplicates: Float64Array, confidence = 0.95): Interval {
  if (sortedReplicates.length === 0) return { low: Number.NaN, high: Number.NaN };
  const tail = (1 - confidence) / 2;
  return { low: percentileOfSorted(sortedReplicates, tail), high: percentileOfSorted(sortedReplicates, 1 - tail) };
}

/**
 * The q-quantile (type 7 on the expanded multiset) of values sorted ascending, each counted
 * weights[clusterOf[i]] times. Walks in from the nearer end, so a p95 touches only the top 5%.
 */
export function weightedSortedQuantile(sorted: Float64Array, clusterOf: Int32Array, weights: Uint32Array, q: number): number {
  let total = 0;
  for (let index = 0; index < sorted.length; index += 1) total += weights[clusterOf[index]!]!;
  if (total === 0) return Number.NaN;
  const position = (total - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  const lower = orderStatistic(sorted, clusterOf, weights, below, total);
  if (fraction === 0) return lower;
  const upper = orderStatistic(sorted, clusterOf, weights, below + 1, total);
  return lower + (upper - lower) * fraction;
}

/** The value at 0-based rank `rank` of the expanded multiset of `total` items. */
function orderStatistic(sorted: Float64Array, clusterOf: Int32Array, weights: Uint32Array, rank: number, total: number): number {
  if (rank < total / 2) {
    let cumulative = 0;
    for (let index = 0; index < sorted.length; index += 1) {
      cumulative += weights[clusterOf[index]!]!;
      if (cumulative > rank) return sorted[index]!;
    }
  } else {
    const fromTop = total - 1 - rank;
    let cumulative = 0;
    for (let index = sorted.length - 1; index >= 0; index -= 1) {
      cumulative += weights[clusterOf[index]!]!;
      if (cumulative > fromTop) return sorted[index]!;
    }
  }
  return sorted[sorted.length - 1]!;
}

/**
 * The percentile-bootstrap interval of a sample quantile, computed exactly rather than by
 * resampling: the resample's j-th order statistic is ≤ x₍ᵢ₎ exactly when at least j of the n draws
 * are ≤ x₍ᵢ₎, which has probability P(Binomial(n, i/n) ≥ j) = I_{i/n}(j, n − j + 1). This is the
 * B → ∞ limit of the Monte Carlo bootstrap (for the order statistic nearest the quantile), costs a
 * few dozen incomplete-beta evaluations, and has no simulation noise.
 */
export function exactBootstrapQuantileInterval(sorted: Float64Array, q: number, confidence = 0.95): Interval {
  const n = sorted.length;
  if (n === 0) return { low: Number.NaN, high: Number.NaN };
  const j = Math.min(n, Math.max(1, Math.round((n - 1) * q) + 1));
  const tail = (1 - confidence) / 2;
  const cdf = (i: number): number => (i >= n ? 1 : regularizedIncompleteBeta(i / n, j, n - j + 1));
  const smallestAtLeast = (target: number): number => {
    let low = 1;
    let high = n;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cdf(middle) >= target) high = middle;
      else low = middle + 1;
    }
    return sorted[low - 1]!;
  };
  return { low: smallestAtLeast(tail), high: smallestAtLeast(1 - tail) };
}

/**
 * Percentile-bootstrap intervals for several quantiles of one sample (latency p50/p95/p99).
 * Each value is its own cluster unless `clusterOf` groups them (repeats of a case).
 */
export function bootstrapQuantileIntervals(
  values: ArrayLike<number>,
  quantiles: readonly number[],
  options: BootstrapOptions & { clusterOf?: Int32Array; clusterCount?: number; confidence?: number } = {},
): Interval[] {
  const order = Array.from({ length: values.length }, (_, index) => index).sort((left, right) => values[left]! - values[right]!);
  const sorted = Float64Array.from(order, (index) => values[index]!);
  const clusterOf = Int32Array.from(order, (index) => (options.clusterOf ? options.clusterOf[index]! : index));
  const clusterCount = options.clusterCount ?? values.length;
  return quantiles.map((q, which) => {
    const replicates = bootstrapClusters(clusterCount, (weights) => weightedSortedQuantile(sorted, clusterOf, weights, q), {
      replicates: options.replicates ?? 1000,
      seed: `${String(options.seed ?? 'quantiles')}:${which}`,
    });
    return percentileInterval(replicates, options.confidence ?? 0.95);
  });
}
