/**
 * Qualification of one candidate against the primary, paired on the same (case, repeat)
 * (STATS.md "Qualifying a fallback candidate"): hard rules first, then non-inferiority on the
 * margin, then per-tag strata. Every verdict carries its reasons in plain words and numbers.
 */
import { formatCount, formatPercent, formatPoints, formatPValue } from './format-numbers.js';
import { checkHardRules } from './hard-rules.js';
import { nonInferiority, type NonInferiorityResult } from './non-inferiority.js';
import { pairPassVectors } from './paired-counts.js';
import { minimumDetectableDifference } from './sample-size.js';
import type { ScoringContext } from './scoring-context.js';
import { testStrata } from './strata.js';
import type { PairedComparison, Qualification, Scorecard } from './types.js';

export interface QualifyInput {
  context: ScoringContext;
  card: Scorecard;
  primaryId: string;
  passVectors: Map<string, Int8Array>;
}

export function qualifyCandidate({ context, card, primaryId, passVectors }: QualifyInput): Qualification {
  const isPrimary = card.candidate_id === primaryId;
  const margin = context.rules.margin;
  const hard = checkHardRules(context, card, primaryId);
  if (isPrimary && !context.rules.choose_primary) {
    const reasons = [`the primary (the reference every fallback is compared with); pass rate ${describeRate(card)}`];
    for (const rule of hard.broken) reasons.push(`warning: the primary breaks a hard rule: ${rule}`);
    return { candidate_id: card.candidate_id, status: 'primary', qualified: true, reasons, ...(hard.broken.length > 0 ? { broken_rules: hard.broken } : {}) };
  }
  const reference = passVectors.get(primaryId)!;
  const vector = passVectors.get(card.candidate_id)!;
  const table = pairPassVectors(reference, vector, context.keyCluster);
  const result = nonInferiority(table, margin, { method: context.options.pairedMethod, designEffect: table.designEffect, answersPerCase: context.manifest.repeat });
  const paired = toPairedComparison(result);
  const reasons: string[] = [];
  if (!isPrimary) reasons.push(...describePaired(result, margin, context.manifest.repeat));
  const strata = isPrimary
    ? []
    : testStrata(reference, vector, context.keyCluster, context.tagKeys, margin, {
        minStratumSize: context.options.minStratumSize,
        method: context.options.pairedMethod,
      });
  const failedStrata = strata.filter((stratum) => stratum.failed);
  for (const stratum of failedStrata) {
    reasons.push(
      `worse on tag "${stratum.tag}": ${formatPoints(stratum.paired.difference)} on ${formatCount(stratum.paired.n)} cases (primary-only passes ${stratum.paired.b}, candidate-only ${stratum.paired.c}; Holm-adjusted p ${formatPValue(stratum.adjusted_p)})`,
    );
  }
  let status: Qualification['status'];
  if (hard.broken.length > 0) {
    status = 'disqualified';
    reasons.unshift(...hard.broken.map((rule) => `disqualified: ${rule}`));
  } else if (isPrimary) {
    status = hard.unproven.length > 0 ? 'not_enough_evidence' : 'qualified';
    reasons.unshift(`the primary, chosen on the same rules as the fallbacks; pass rate ${describeRate(card)}`);
  } else if (result.verdict === 'worse' || failedStrata.length > 0) {
    status = 'worse';
  } else if (result.verdict === 'not_enough_evidence' || hard.unproven.length > 0) {
    status = 'not_enough_evidence';
  } else {
    status = 'qualified';
  }
  reasons.push(...hard.unproven);
  const qualification: Qualification = {
    candidate_id: card.candidate_id,
    status,
    qualified: status === 'qualified',
    reasons,
  };
  if (!isPrimary) qualification.paired = paired;
  if (strata.length > 0) qualification.strata = strata;
  return qualification;
}

export function toPairedComparison(result: NonInferiorityResult): PairedComparison {
  const { verdict: _verdict, margin: _margin, ...paired } = result;
  // A run that saw no disagreement cannot tell ψ from 1/n: floor it there rather than claim MDE 0.
  const n = Math.max(result.n, 1);
  paired.mde = minimumDetectableDifference(Math.min(1, Math.max(result.b + result.c, 1) / n), n);
  return paired;
}

function describeRate(card: Scorecard): string {
  const { rate, interval, k, n } = card.pass;
  return `${formatPercent(rate)} (${formatCount(k)} of ${formatCount(n)}; 95% interval ${formatPercent(interval.low)}–${formatPercent(interval.high)})`;
}

function describePaired(result: NonInferiorityResult, margin: number, repeat: number): string[] {
  // With repeats the pairs are (case, repeat) answers, not cases: 8 cases × 2 repeats are 16 pairs.
  const unit = repeat > 1 ? `answers (case × repeat, ${repeat} repeats)` : 'cases';
  const lines = [
    `paired on ${formatCount(result.n)} ${unit}: both pass ${result.a}, primary only ${result.b}, candidate only ${result.c}, both fail ${result.d}`,
    `difference ${formatPoints(result.difference)} (95% interval ${formatPoints(result.interval.low)} to ${formatPoints(result.interval.high)}, ${result.method}); mid-p McNemar ${formatPValue(result.mid_p)}`,
  ];
  const bound = `one-sided 95% lower bound ${formatPoints(result.lower_bound)}`;
  if (result.verdict === 'non_inferior') {
    lines.push(`non-inferior: the ${bound} is above the margin of ${formatPoints(-margin)}`);
  } else if (result.verdict === 'worse') {
    lines.push(`worse: the ${bound} is below the margin of ${formatPoints(-margin)} and the primary wins significantly more of the disagreements (${result.b} vs ${result.c})`);
  } else {
    const psi = result.n > 0 ? (result.b + result.c) / result.n : 0;
    const needed = result.cases_needed !== undefined ? `about ${formatCount(result.cases_needed)} cases` : 'many more cases';
    // With no disagreement seen, the sample size assumes one in n (casesToSettle): say so.
    const rate =
      result.b + result.c > 0
        ? `disagreement rate ${formatPercent(psi)}`
        : `no disagreement in ${formatCount(result.n)} cases, so assuming a rate of up to 1 in ${formatCount(result.n)}`;
    lines.push(
      `not enough evidence: the ${bound} does not clear the margin of ${formatPoints(-margin)}, yet the candidate is not shown worse; ${needed} would settle it (${rate}, 80% power)`,
    );
  }
  return lines;
}
