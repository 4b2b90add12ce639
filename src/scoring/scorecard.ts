/** One candidate's scorecard (issue 7, "Per candidate"), from its fact columns. */
import type { CandidateFacts } from './attempt-facts.js';
import { CONTRACT_PARAMS, isAnswered, isScored, OUTCOME_MISSING, OUTCOME_PASS, SAFETY_FAILED, SAFETY_NOT_APPLICABLE } from './attempt-outcome.js';
import { bootstrapQuantileIntervals, exactBootstrapQuantileInterval } from './bootstrap.js';
import { clopperPearson, clopperPearsonUpper } from './clopper-pearson.js';
import { rateDesignEffect } from './paired-counts.js';
import { percentileOfSorted, sortNumbers } from './percentile.js';
import type { ScoringContext } from './scoring-context.js';
import type { Interval, LatencySummary, RateEstimate, Scorecard } from './types.js';
import { wilsonInterval } from './wilson.js';

export function buildScorecard(context: ScoringContext, candidateId: string): Scorecard {
  const { facts } = context;
  const columns = facts.get(candidateId)!;
  const keyCount = facts.keyCount;
  let attempts = 0;
  let answered = 0;
  let firstTry = 0;
  let errors = 0;
  let costTotal = 0;
  let safetyFailures = 0;
  let safetyChecked = 0;
  const errorsByKind: Record<string, number> = {};
  const latencies: number[] = [];
  const latencyClusters: number[] = [];
  const ttfts: number[] = [];
  for (let key = 0; key < keyCount; key += 1) {
    const outcome = columns.outcome.data[key]!;
    if (outcome === OUTCOME_MISSING) continue;
    attempts += 1;
    costTotal += columns.cost.data[key]!;
    if (isAnswered(outcome)) {
      answered += 1;
      if (columns.firstTry.data[key] === 1) firstTry += 1;
      const latency = columns.latency.data[key]!;
      if (Number.isFinite(latency)) {
        latencies.push(latency);
        latencyClusters.push(context.keyCluster[key]!);
      }
      const ttft = columns.ttft.data[key]!;
      if (Number.isFinite(ttft)) ttfts.push(ttft);
    } else {
      errors += 1;
      const kind = facts.errorKindName(columns.errorKind.data[key]!) ?? 'unknown';
      errorsByKind[kind] = (errorsByKind[kind] ?? 0) + 1;
    }
    const safety = columns.safety.data[key]!;
    if (safety !== SAFETY_NOT_APPLICABLE) {
      safetyChecked += 1;
      if (safety === SAFETY_FAILED) safetyFailures += 1;
    }
  }
  const pass = estimatePassRate(context, columns, Array.from({ length: keyCount }, (_, key) => key));
  const passByTag: Record<string, RateEstimate> = {};
  for (const [tag, keys] of context.tagKeys) passByTag[tag] = estimatePassRate(context, columns, keys);
  const passByValidator: Record<string, RateEstimate> = {};
  for (const [validator, counts] of columns.validatorCounts) passByValidator[validator] = rateEstimate(counts.pass, counts.total);
  const warningsByParam: Record<string, number> = Object.fromEntries(columns.warningsByParam);
  const capabilityGaps = countCapabilityGaps(columns.contractWarnings.data, keyCount);
  const seed = `${context.seed}:${candidateId}`;
  const card: Scorecard = {
    candidate_id: candidateId,
    attempts,
    answered,
    pass,
    pass_by_tag: passByTag,
    pass_by_validator: passByValidator,
    error_rate: rateEstimate(errors, attempts),
    errors_by_kind: errorsByKind,
    availability: { first_try: attempts > 0 ? firstTry / attempts : 0, after_retries: attempts > 0 ? answered / attempts : 0 },
    latency_ms: summarizeLatency(latencies, context, `${seed}:latency`, Int32Array.from(latencyClusters)),
    ttft_ms: summarizeLatency(ttfts, context, `${seed}:ttft`),
    cost_usd_total: costTotal,
    cost_per_1k_requests_usd: attempts > 0 ? (costTotal / attempts) * 1000 : 0,
    // Mean cost per request / pass rate over all requests = total cost / passing answers.
    cost_per_pass_usd: pass.k > 0 ? costTotal / pass.k : null,
    ...(context.manifest.candidates.some((candidate) => candidate.id === candidateId && candidate.price_source === 'none') ? { cost_unknown: true as const } : {}),
    warnings_by_param: warningsByParam,
    capability_gaps: capabilityGaps,
    ...(columns.validationCostUsd > 0 ? { validation_cost_usd: columns.validationCostUsd } : {}),
    simulated: columns.simulated || context.manifest.simulated || context.manifest.candidates.some((candidate) => candidate.id === candidateId && candidate.simulated),
  };
  if (safetyChecked > 0) {
    card.safety_failure = { k: safetyFailures, n: safetyChecked, rate: safetyFailures / safetyChecked, interval: clopperPearson(safetyFailures, safetyChecked) };
    card.safety_failure_upper = clopperPearsonUpper(safetyFailures, safetyChecked);
  }
  const flipRate = computeFlipRate(context, columns);
  if (flipRate !== undefined) card.flip_rate = flipRate;
  return card;
}

export function rateEstimate(k: number, n: number): RateEstimate {
  return { k, n, rate: n > 0 ? k / n : 0, interval: wilsonInterval(k, n) };
}

/** Wilson interval on the effective sample size n/deff when keys share clusters (repeats). */
function estimatePassRate(context: ScoringContext, columns: CandidateFacts, keys: readonly number[]): RateEstimate {
  let k = 0;
  let n = 0;
  const clusters = new Map<number, { trials: number; passes: number }>();
  for (const key of keys) {
    const outcome = columns.outcome.data[key]!;
    if (!isScored(outcome)) continue;
    n += 1;
    const passed = outcome === OUTCOME_PASS ? 1 : 0;
    k += passed;
    const cluster = context.keyCluster[key]!;
    const entry = clusters.get(cluster) ?? { trials: 0, passes: 0 };
    entry.trials += 1;
    entry.passes += passed;
    clusters.set(cluster, entry);
  }
  const designEffect = rateDesignEffect(clusters.values(), n, k);
  const estimate: RateEstimate = { k, n, rate: n > 0 ? k / n : 0, interval: wilsonInterval(k / designEffect, n / designEffect) };
  if (designEffect > 1) estimate.design_effect = designEffect;
  return estimate;
}

/**
 * Percentiles with 95% bootstrap intervals. Independent attempts get the exact bootstrap interval
 * (no resampling: see exactBootstrapQuantileInterval); when repeats of a case share a cluster, a
 * seeded cluster bootstrap, with B held near 5·10⁶/n so large runs stay fast.
 */
function summarizeLatency(values: number[], context: ScoringContext, seed: string, clusterOf?: Int32Array): LatencySummary | null {
  if (values.length === 0) return null;
  const sorted = sortNumbers(values);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const dense = new Map<number, number>();
  const denseClusters = clusterOf ? Int32Array.from(clusterOf, (cluster) => dense.get(cluster) ?? (dense.set(cluster, dense.size), dense.size - 1)) : undefined;
  const quantiles = [0.5, 0.95, 0.99];
  let intervals: Interval[];
  if (denseClusters && dense.size < values.length) {
    const replicates = context.options.latencyReplicates ?? Math.max(200, Math.min(1000, Math.floor(5e6 / values.length)));
    intervals = bootstrapQuantileIntervals(values, quantiles, { replicates, seed, clusterOf: denseClusters, clusterCount: dense.size });
  } else {
    intervals = quantiles.map((q) => exactBootstrapQuantileInterval(sorted, q));
  }
  return {
    n: values.length,
    p50: percentileOfSorted(sorted, 0.5),
    p95: percentileOfSorted(sorted, 0.95),
    p99: percentileOfSorted(sorted, 0.99),
    mean,
    p50_interval: intervals[0]!,
    p95_interval: intervals[1]!,
    p99_interval: intervals[2]!,
  };
}

/** Share of cases with at least two scored repeats whose verdict differs between repeats. */
function computeFlipRate(context: ScoringContext, columns: CandidateFacts): number | undefined {
  if ((context.manifest.repeat ?? 1) <= 1) return undefined;
  const seen = new Map<number, number>();
  for (let key = 0; key < context.facts.keyCount; key += 1) {
    const outcome = columns.outcome.data[key]!;
    if (!isScored(outcome)) continue;
    const caseNumber = context.facts.keyCase.data[key]!;
    // Bits: 1 seen a pass, 2 seen a fail, 4 seen twice.
    const previous = seen.get(caseNumber);
    const bit = outcome === OUTCOME_PASS ? 1 : 2;
    seen.set(caseNumber, previous === undefined ? bit : previous | bit | 4);
  }
  let repeated = 0;
  let flipped = 0;
  for (const bits of seen.values()) {
    if ((bits & 4) === 0) continue;
    repeated += 1;
    if ((bits & 3) === 3) flipped += 1;
  }
  return repeated > 0 ? flipped / repeated : undefined;
}

/** Attempts per contract param (response_format, tools) that the candidate could not honour. */
function countCapabilityGaps(bits: ArrayLike<number>, keyCount: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let key = 0; key < keyCount; key += 1) {
    CONTRACT_PARAMS.forEach((param, index) => {
      if ((bits[key]! & (1 << index)) !== 0) counts[param] = (counts[param] ?? 0) + 1;
    });
  }
  return counts;
}
