import { describe, expect, it } from 'vitest';
import { bootstrapClusters, bootstrapQuantileIntervals, exactBootstrapQuantileInterval, weightedSortedQuantile } from '../../src/scoring/bootstrap.js';
import { percentile, sortNumbers } from '../../src/scoring/percentile.js';
import { createRandom } from '../../src/scoring/random.js';

describe('bootstrap', () => {
  const random = createRandom('latencies');
  const latencies = Array.from({ length: 800 }, () => 200 + 1000 * -Math.log(1 - random()) * 0.3);

  it('percentiles interpolate like R type 7 and numpy', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48, 12);
  });

  it('the weighted quantile with unit weights equals the plain percentile', () => {
    const sorted = sortNumbers(latencies);
    const clusterOf = Int32Array.from(sorted, (_value, index) => index);
    const weights = new Uint32Array(sorted.length).fill(1);
    for (const q of [0.01, 0.5, 0.95, 0.99]) expect(weightedSortedQuantile(sorted, clusterOf, weights, q)).toBeCloseTo(percentile(latencies, q), 9);
    weights.fill(0);
    weights[3] = 2;
    expect(weightedSortedQuantile(sorted, clusterOf, weights, 0.5)).toBe(sorted[3]);
  });

  it('the exact bootstrap interval of a quantile matches a large Monte Carlo bootstrap', () => {
    const sorted = sortNumbers(latencies);
    const [monteCarloP50, monteCarloP95] = bootstrapQuantileIntervals(latencies, [0.5, 0.95], { replicates: 4000, seed: 'check' });
    const exactP50 = exactBootstrapQuantileInterval(sorted, 0.5);
    const exactP95 = exactBootstrapQuantileInterval(sorted, 0.95);
    const tolerance = (interval: { low: number; high: number }) => (interval.high - interval.low) * 0.15;
    expect(Math.abs(exactP50.low - monteCarloP50!.low)).toBeLessThan(tolerance(exactP50));
    expect(Math.abs(exactP50.high - monteCarloP50!.high)).toBeLessThan(tolerance(exactP50));
    expect(Math.abs(exactP95.low - monteCarloP95!.low)).toBeLessThan(tolerance(exactP95));
    expect(Math.abs(exactP95.high - monteCarloP95!.high)).toBeLessThan(tolerance(exactP95));
    expect(exactP95.low).toBeLessThan(percentile(latencies, 0.95));
    expect(exactP95.high).toBeGreaterThan(percentile(latencies, 0.95));
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const mean = (weights: Uint32Array) => weights.reduce((sum, weight, index) => sum + weight * latencies[index]!, 0) / latencies.length;
    const first = bootstrapClusters(latencies.length, mean, { replicates: 200, seed: 'a' });
    expect(bootstrapClusters(latencies.length, mean, { replicates: 200, seed: 'a' })).toEqual(first);
    expect(bootstrapClusters(latencies.length, mean, { replicates: 200, seed: 'b' })).not.toEqual(first);
  });
});
