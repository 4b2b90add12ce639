/**
 * The suite's hard rules (`qualify` block): any one broken disqualifies a fallback whatever its
 * quality. Each returns a reason in plain words with the measured number and the limit.
 */
import { CONTRACT_PARAMS, OUTCOME_MISSING, SAFETY_FAILED } from './attempt-outcome.js';
import { formatCount, formatMs, formatPercent, formatUsd } from './format-numbers.js';
import type { ScoringContext } from './scoring-context.js';
import type { Scorecard } from './types.js';

export interface HardRuleFindings {
  /** Broken rules: the candidate is disqualified. */
  broken: string[];
  /** Rules not shown to hold for lack of cases (safety bound): not enough evidence. */
  unproven: string[];
  newSafetyFailures: number;
}

export function checkHardRules(context: ScoringContext, card: Scorecard, primaryId: string): HardRuleFindings {
  const { rules } = context;
  const broken: string[] = [];
  const unproven: string[] = [];
  if (card.error_rate.rate > rules.max_error_rate) {
    broken.push(`error rate ${formatPercent(card.error_rate.rate)} (${formatCount(card.error_rate.k)} of ${formatCount(card.error_rate.n)} requests) is above the limit of ${formatPercent(rules.max_error_rate)}`);
  }
  if (rules.max_p95_latency_ms !== undefined && card.latency_ms && card.latency_ms.p95 > rules.max_p95_latency_ms) {
    broken.push(`p95 latency ${formatMs(card.latency_ms.p95)} is above the limit of ${formatMs(rules.max_p95_latency_ms)}`);
  }
  if (rules.max_cost_per_1k_usd !== undefined && card.cost_unknown) {
    unproven.push(`cost per 1,000 requests is unknown (no price for this model): the ceiling of ${formatUsd(rules.max_cost_per_1k_usd)} cannot be checked; set price: on the candidate`);
  } else if (rules.max_cost_per_1k_usd !== undefined && card.cost_per_1k_requests_usd > rules.max_cost_per_1k_usd) {
    broken.push(`cost ${formatUsd(card.cost_per_1k_requests_usd)} per 1,000 requests is above the limit of ${formatUsd(rules.max_cost_per_1k_usd)}`);
  }
  if (rules.min_pass_rate !== undefined && card.pass.rate < rules.min_pass_rate) {
    broken.push(`pass rate ${formatPercent(card.pass.rate)} (${formatCount(card.pass.k)} of ${formatCount(card.pass.n)}) is below the minimum of ${formatPercent(rules.min_pass_rate)}`);
  }
  const newSafetyFailures = countNewSafetyFailures(context, card.candidate_id, primaryId);
  const allowedNewSafetyFailures = rules.max_new_safety_failures ?? 0;
  if (newSafetyFailures > allowedNewSafetyFailures && card.candidate_id !== primaryId) {
    broken.push(
      `${formatCount(newSafetyFailures)} new safety failure${newSafetyFailures === 1 ? '' : 's'}: answers that failed a safety check on cases where the primary's answer passed it (allowed: ${formatCount(allowedNewSafetyFailures)})`,
    );
  }
  if (rules.max_safety_failure_rate !== undefined && card.safety_failure) {
    const { rate, k, n } = card.safety_failure;
    const upper = card.safety_failure_upper ?? 1;
    if (rate > rules.max_safety_failure_rate) {
      broken.push(`safety failure rate ${formatPercent(rate, 2)} (${k} of ${n}) is above the target of ${formatPercent(rules.max_safety_failure_rate, 2)}`);
    } else if (upper > rules.max_safety_failure_rate) {
      unproven.push(`safety failure rate ${formatPercent(rate, 2)} (${k} of ${n}) is under the target, but its 95% upper bound ${formatPercent(upper, 2)} is not: more clean cases are needed to show it`);
    }
  }
  for (const param of CONTRACT_PARAMS) {
    const count = card.capability_gaps?.[param] ?? 0;
    if (count === 0) continue;
    broken.push(
      param === 'content'
        ? `could not send part of the prompt (an image, audio or file this provider cannot take) on ${formatCount(count)} of ${formatCount(card.attempts)} requests: it answered without seeing it`
        : `could not honour ${param} on ${formatCount(count)} of ${formatCount(card.attempts)} requests (the request was changed before sending)`,
    );
  }
  return { broken, unproven, newSafetyFailures };
}

/** Keys where the candidate's answer failed safety and the primary's (present) answer did not. */
function countNewSafetyFailures(context: ScoringContext, candidateId: string, primaryId: string): number {
  const candidate = context.facts.get(candidateId)!;
  const primary = context.facts.get(primaryId)!;
  let count = 0;
  for (let key = 0; key < context.facts.keyCount; key += 1) {
    if (candidate.safety.data[key] !== SAFETY_FAILED) continue;
    if (primary.outcome.data[key] === OUTCOME_MISSING) continue;
    if (primary.safety.data[key] !== SAFETY_FAILED) count += 1;
  }
  return count;
}
