/**
 * Pairing two pass vectors on the same (case, repeat) keys. A vector holds 1 (pass), 0 (fail) or
 * −1 (no scored outcome: left out of the pair). Keys of one cluster (repeats of a case, or a
 * conversation) are not independent: the design effect says how much wider the interval must be.
 */
import { isScored, OUTCOME_PASS } from './attempt-outcome.js';
import type { CandidateFacts } from './attempt-facts.js';
import type { PairedCounts } from './non-inferiority.js';

export interface PairedTable extends PairedCounts {
  n: number;
  /** Cluster-robust variance of Δ̂ over its independent-pairs variance, at least 1. */
  designEffect: number;
}

export function passVector(facts: CandidateFacts, keyCount: number): Int8Array {
  const vector = new Int8Array(keyCount);
  for (let key = 0; key < keyCount; key += 1) {
    const outcome = facts.outcome.data[key]!;
    vector[key] = isScored(outcome) ? (outcome === OUTCOME_PASS ? 1 : 0) : -1;
  }
  return vector;
}

/**
 * a both pass, b reference passes / candidate fails, c the reverse, d both fail — over `keys`
 * (all keys when omitted).
 */
export function pairPassVectors(
  reference: Int8Array,
  candidate: Int8Array,
  keyCluster: Int32Array,
  keys?: Iterable<number>,
): PairedTable {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const perCluster = new Map<number, { pairs: number; sum: number }>();
  const visit = (key: number): void => {
    const left = reference[key]!;
    const right = candidate[key]!;
    if (left < 0 || right < 0) return;
    if (left === 1 && right === 1) a += 1;
    else if (left === 1) b += 1;
    else if (right === 1) c += 1;
    else d += 1;
    const cluster = keyCluster[key]!;
    const entry = perCluster.get(cluster) ?? { pairs: 0, sum: 0 };
    entry.pairs += 1;
    entry.sum += right - left;
    perCluster.set(cluster, entry);
  };
  if (keys) for (const key of keys) visit(key);
  else for (let key = 0; key < reference.length; key += 1) visit(key);
  const n = a + b + c + d;
  return { a, b, c, d, n, designEffect: computeDesignEffect(perCluster.values(), n, b, c) };
}

function computeDesignEffect(clusters: Iterable<{ pairs: number; sum: number }>, n: number, b: number, c: number): number {
  if (n === 0) return 1;
  const delta = (c - b) / n;
  const independent = ((b + c) / n - delta * delta) / n;
  let robust = 0;
  let clustered = false;
  for (const { pairs, sum } of clusters) {
    if (pairs > 1) clustered = true;
    robust += (sum - pairs * delta) ** 2;
  }
  if (!clustered || independent <= 0) return 1;
  return Math.max(1, robust / (n * n) / independent);
}

/** Design effect of a pass rate whose trials are grouped in clusters. */
export function rateDesignEffect(clusters: Iterable<{ trials: number; passes: number }>, n: number, k: number): number {
  if (n === 0 || k === 0 || k === n) return 1;
  const p = k / n;
  let robust = 0;
  let clustered = false;
  for (const { trials, passes } of clusters) {
    if (trials > 1) clustered = true;
    robust += (passes - trials * p) ** 2;
  }
  if (!clustered) return 1;
  return Math.max(1, robust / (n * n) / ((p * (1 - p)) / n));
}
