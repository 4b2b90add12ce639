/**
 * The cost and latency guards of the CI gate (STATS.md): paired cluster bootstrap of the new/old
 * ratio of cost per passing answer and of p95 latency. Prompts (or whole clusters: repeats of a
 * case, a conversation, a template) are resampled together for both chains, so the pairing is
 * kept. The guard holds while the one-sided 95% upper bound stays under 1 + tolerance.
 */
import { bootstrapClusters, weightedSortedQuantile } from './bootstrap.js';
import { percentileOfSorted, sortNumbers } from './percentile.js';

export interface PairedRows {
  /** Cluster of each paired row, dense from 0. */
  cluster: Int32Array;
  clusterCount: number;
  newCost: Float64Array;
  newPass: Int8Array;
  newLatency: Float64Array;
  oldCost: Float64Array;
  oldPass: Int8Array;
  oldLatency: Float64Array;
}

export interface RatioEstimate {
  estimate: number;
  /** One-sided 95% upper bound (95th percentile of the replicates). */
  upper: number;
  replicates: number;
}

export function bootstrapCostPerPassRatio(rows: PairedRows, replicates: number, seed: string): RatioEstimate {
  const sums = new Float64Array(rows.clusterCount * 4);
  for (let row = 0; row < rows.cluster.length; row += 1) {
    const offset = rows.cluster[row]! * 4;
    sums[offset] = sums[offset]! + rows.newCost[row]!;
    sums[offset + 1] = sums[offset + 1]! + rows.newPass[row]!;
    sums[offset + 2] = sums[offset + 2]! + rows.oldCost[row]!;
    sums[offset + 3] = sums[offset + 3]! + rows.oldPass[row]!;
  }
  const ratio = (weight: (cluster: number) => number): number => {
    let newCost = 0;
    let newPass = 0;
    let oldCost = 0;
    let oldPass = 0;
    for (let cluster = 0; cluster < rows.clusterCount; cluster += 1) {
      const w = weight(cluster);
      if (w === 0) continue;
      newCost += w * sums[cluster * 4]!;
      newPass += w * sums[cluster * 4 + 1]!;
      oldCost += w * sums[cluster * 4 + 2]!;
      oldPass += w * sums[cluster * 4 + 3]!;
    }
    if (newPass === 0 || oldPass === 0 || oldCost === 0) return Number.NaN;
    return newCost / newPass / (oldCost / oldPass);
  };
  const estimate = ratio(() => 1);
  const values = bootstrapClusters(rows.clusterCount, (weights) => ratio((cluster) => weights[cluster]!), { replicates, seed: `${seed}:cost` });
  return { estimate, upper: values.length > 0 ? percentileOfSorted(values, 0.95) : Number.NaN, replicates: values.length };
}

export function bootstrapP95LatencyRatio(rows: PairedRows, replicates: number, seed: string): RatioEstimate {
  const prepare = (latency: Float64Array) => {
    const order = Array.from({ length: latency.length }, (_, row) => row).sort((left, right) => latency[left]! - latency[right]!);
    return { sorted: Float64Array.from(order, (row) => latency[row]!), clusterOf: Int32Array.from(order, (row) => rows.cluster[row]!) };
  };
  const fresh = prepare(rows.newLatency);
  const old = prepare(rows.oldLatency);
  const oldP95 = percentileOfSorted(sortNumbers(rows.oldLatency), 0.95);
  const estimate = oldP95 > 0 ? percentileOfSorted(sortNumbers(rows.newLatency), 0.95) / oldP95 : Number.NaN;
  const values = bootstrapClusters(
    rows.clusterCount,
    (weights) => {
      const denominator = weightedSortedQuantile(old.sorted, old.clusterOf, weights, 0.95);
      return denominator > 0 ? weightedSortedQuantile(fresh.sorted, fresh.clusterOf, weights, 0.95) / denominator : Number.NaN;
    },
    { replicates, seed: `${seed}:latency` },
  );
  return { estimate, upper: values.length > 0 ? percentileOfSorted(values, 0.95) : Number.NaN, replicates: values.length };
}
