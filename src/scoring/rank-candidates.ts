/**
 * The ranking rule (issue 7): among qualified candidates, quality first — candidates whose pass
 * rates are within the margin of the best remaining one form a tier and count as equal on quality —
 * then availability (share answered after retries), then cost per passing answer, then p95
 * latency, then id. A candidate dominated on cost vs pass rate never ranks ahead of the one that
 * dominates it. The primary stays first unless `qualify.choose_primary`. Candidates that are not
 * qualified follow, by status (not enough evidence, worse, disqualified), then pass rate.
 */
import { formatCount, formatMs, formatPercent, formatUsd } from './format-numbers.js';
import { enforceDominanceOrder, findDominator, passPerRequest } from './pareto.js';
import type { Qualification, QualificationStatus, RankedEntry, Scorecard } from './types.js';

export interface RankInput {
  cards: readonly Scorecard[];
  qualifications: readonly Qualification[];
  primaryId: string;
  margin: number;
  choosePrimary: boolean;
}

export interface RankResult {
  ranking: RankedEntry[];
  proposedChain: string[];
}

const STATUS_ORDER: Record<QualificationStatus, number> = { primary: 0, qualified: 1, not_enough_evidence: 2, worse: 3, disqualified: 4 };
const AVAILABILITY_TOLERANCE = 0.001;

export function rankCandidates({ cards, qualifications, primaryId, margin, choosePrimary }: RankInput): RankResult {
  const byId = new Map(qualifications.map((qualification) => [qualification.candidate_id, qualification]));
  const status = (card: Scorecard): QualificationStatus => byId.get(card.candidate_id)?.status ?? 'disqualified';
  const primary = cards.find((card) => card.candidate_id === primaryId);
  const eligible = cards.filter((card) => status(card) === 'qualified' && (choosePrimary || card.candidate_id !== primaryId));
  const ordered = enforceDominanceOrder(orderByRule(eligible, margin));
  const head = !choosePrimary && primary ? [primary] : [];
  const rest = cards
    .filter((card) => !head.includes(card) && !ordered.includes(card))
    .sort((left, right) => STATUS_ORDER[status(left)] - STATUS_ORDER[status(right)] || right.pass.rate - left.pass.rate || left.candidate_id.localeCompare(right.candidate_id));
  const chain = [...head, ...ordered];
  const ranking = [...chain, ...rest].map((card, index): RankedEntry => {
    const qualification = byId.get(card.candidate_id);
    const entry: RankedEntry = {
      position: index + 1,
      candidate_id: card.candidate_id,
      qualified: chain.includes(card),
      status: status(card),
      reasons: chain.includes(card) ? [describeRank(card, ordered, index, head.length)] : [...(qualification?.reasons ?? [])],
    };
    const dominator = findDominator(card, cards);
    if (dominator) {
      entry.dominated_by = dominator.candidate_id;
      entry.reasons.push(`dominated by ${dominator.candidate_id}: it gives at least as many passing answers per request (${formatPercent(passPerRequest(dominator))} vs ${formatPercent(passPerRequest(card))}) for no more money (${formatUsd(dominator.cost_per_1k_requests_usd)} vs ${formatUsd(card.cost_per_1k_requests_usd)} per 1,000 requests)`);
    }
    return entry;
  });
  return { ranking, proposedChain: chain.map((card) => card.candidate_id) };
}

function orderByRule(cards: readonly Scorecard[], margin: number): Scorecard[] {
  const remaining = [...cards].sort((left, right) => right.pass.rate - left.pass.rate);
  const ordered: Scorecard[] = [];
  while (remaining.length > 0) {
    const best = remaining[0]!.pass.rate;
    const tier = remaining.filter((card) => card.pass.rate >= best - margin - 1e-12);
    tier.sort(compareWithinTier);
    ordered.push(...tier);
    for (const card of tier) remaining.splice(remaining.indexOf(card), 1);
  }
  return ordered;
}

function compareWithinTier(left: Scorecard, right: Scorecard): number {
  const availability = right.availability.after_retries - left.availability.after_retries;
  if (Math.abs(availability) > AVAILABILITY_TOLERANCE) return availability;
  // An unpriced candidate's cost reads 0: ranking on it would put the unknown first.
  const comparable = !left.cost_unknown && !right.cost_unknown;
  const cost = comparable ? (left.cost_per_pass_usd ?? Infinity) - (right.cost_per_pass_usd ?? Infinity) : 0;
  if (cost !== 0 && Number.isFinite(cost)) return cost;
  const latency = (left.latency_ms?.p95 ?? Infinity) - (right.latency_ms?.p95 ?? Infinity);
  if (latency !== 0 && Number.isFinite(latency)) return latency;
  return left.candidate_id.localeCompare(right.candidate_id);
}

function describeRank(card: Scorecard, ordered: readonly Scorecard[], index: number, headLength: number): string {
  const parts = [
    `pass rate ${formatPercent(card.pass.rate)}`,
    `answered ${formatPercent(card.availability.after_retries)} of ${formatCount(card.attempts)} requests`,
    card.cost_unknown ? 'no price (cost unknown)' : card.cost_per_pass_usd !== null ? `${formatUsd(card.cost_per_pass_usd)} per passing answer` : 'no passing answer',
    card.latency_ms ? `p95 ${formatMs(card.latency_ms.p95)}` : 'no latency measured',
  ];
  const role = index < headLength ? 'primary' : `fallback ${index - headLength + 1} of ${ordered.length}`;
  return `${role}: ${parts.join('; ')}`;
}
