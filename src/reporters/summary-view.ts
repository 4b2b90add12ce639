/**
 * What every human-facing report shows, derived once from the record: the verdict line, the rows
 * of the candidates table and the chain comparison. Plain strings, not escaped: each reporter
 * escapes for its own format.
 */
import type { RunRecordFile } from '../record/types.js';
import type { ChainPrediction, Qualification, Scorecard } from '../scoring/types.js';
import { formatInterval, formatMs, formatPercent, formatUsd } from './format.js';
import type { GateOutcome } from './types.js';

export interface CandidateRow {
  position: number;
  candidate_id: string;
  model: string;
  status: string;
  qualified: boolean;
  in_chain: boolean;
  pass: string;
  pass_interval: string;
  errors: string;
  p50: string;
  p95: string;
  cost_per_1k: string;
  cost_per_pass: string;
  reasons: string[];
  scorecard?: Scorecard;
}

export interface Verdict {
  ok: boolean;
  headline: string;
}

export function describeVerdict(record: RunRecordFile, gate?: GateOutcome): Verdict {
  const chain = record.summary.proposed_chain;
  if (gate) {
    const failed = gate.rules.filter((rule) => !rule.pass).map((rule) => rule.name);
    return gate.pass
      ? { ok: true, headline: `Gate passed (${gate.rules.length} rules held)` }
      : { ok: false, headline: `Gate failed: ${failed.join(', ')}` };
  }
  const total = record.summary.ranking.length || record.candidates.length;
  if (chain.length === 0) return { ok: false, headline: `No candidate qualified (0 of ${total})` };
  const fallbacks = chain.length - 1;
  const ok = fallbacks > 0;
  return {
    ok,
    headline: ok
      ? `${chain.length} of ${total} candidates qualified: proposed chain ${chain.join(' → ')}`
      : `Only the primary ${chain[0]} qualified: no fallback can be proposed`,
  };
}

export function buildCandidateRows(record: RunRecordFile): CandidateRow[] {
  const { summary } = record;
  const scorecards = new Map(summary.scorecards.map((card) => [card.candidate_id, card]));
  const qualifications = new Map<string, Qualification>(summary.qualification.map((entry) => [entry.candidate_id, entry]));
  const models = new Map(record.candidates.map((candidate) => [candidate.id, `${candidate.provider}/${candidate.model}`]));
  const ranking = summary.ranking.length > 0
    ? summary.ranking
    : record.candidates.map((candidate, index) => ({ position: index + 1, candidate_id: candidate.id, qualified: false, status: 'not_enough_evidence' as const, reasons: [] }));
  return ranking.map((entry) => {
    const card = scorecards.get(entry.candidate_id);
    const reasons = qualifications.get(entry.candidate_id)?.reasons ?? entry.reasons;
    return {
      position: entry.position,
      candidate_id: entry.candidate_id,
      model: models.get(entry.candidate_id) ?? '?',
      status: entry.status,
      qualified: entry.qualified,
      in_chain: summary.proposed_chain.includes(entry.candidate_id),
      // No scored answer (every request errored): a rate of 0.0% would read as "answered, all wrong".
      pass: card && card.pass.n > 0 ? formatPercent(card.pass.rate) : card ? 'no answers' : '–',
      pass_interval: card && card.pass.n > 0 ? formatInterval(card.pass.interval) : '',
      errors: card ? formatPercent(card.error_rate.rate) : '–',
      p50: formatMs(card?.latency_ms?.p50),
      p95: formatMs(card?.latency_ms?.p95),
      // An unpriced candidate's $0 is unknown, not free.
      cost_per_1k: card?.cost_unknown ? 'no price' : formatUsd(card?.cost_per_1k_requests_usd),
      cost_per_pass: card?.cost_unknown ? 'no price' : formatUsd(card?.cost_per_pass_usd),
      reasons,
      scorecard: card,
    };
  });
}

export interface ChainComparisonRow {
  metric: string;
  proposed: string;
  baseline: string;
}

export function buildChainComparison(record: RunRecordFile): ChainComparisonRow[] {
  const proposed = record.summary.chain_prediction;
  const baseline = record.summary.baseline_prediction;
  const chainOf = (prediction: ChainPrediction | undefined, fallback: string[] | undefined) =>
    (prediction?.members ?? fallback ?? []).join(' → ') || '–';
  const show = (pick: (prediction: ChainPrediction) => string) => (prediction: ChainPrediction | undefined) => (prediction ? pick(prediction) : '–');
  const rows: Array<[string, (prediction: ChainPrediction | undefined) => string]> = [
    ['predicted success', show((p) => formatPercent(p.success_rate))],
    ['availability', show((p) => formatPercent(p.availability, 3))],
    ['latency p50 / p95 / p99', show((p) => `${formatMs(p.latency_ms.p50)} / ${formatMs(p.latency_ms.p95)} / ${formatMs(p.latency_ms.p99)}`)],
    [
      'cost per 1k requests',
      show((p) => (p.cost_unknown_for?.length ? `${formatUsd(p.cost_per_1k_requests_usd)} + no price for ${p.cost_unknown_for.join(', ')}` : formatUsd(p.cost_per_1k_requests_usd))),
    ],
  ];
  return [
    { metric: 'chain', proposed: chainOf(proposed, record.summary.proposed_chain), baseline: chainOf(baseline, record.baseline_chain) },
    ...rows.map(([metric, render]) => ({ metric, proposed: render(proposed), baseline: render(baseline) })),
  ];
}

export interface ParameterWarningRow {
  candidate_id: string;
  param: string;
  count: number;
  attempts: number;
  /** The candidate could not honour it (dropped, or only asked for in the prompt), not just a translation. */
  gap: boolean;
}

/** `could not be honoured` for a capability gap, `was translated` for a faithful rewrite. */
export function describeParameterWarning(row: ParameterWarningRow): string {
  const what = row.gap ? 'could not be honoured (dropped, or only asked for in the prompt)' : 'was rewritten for this provider';
  return `${what} on ${row.count} of ${row.attempts} attempts`;
}

/** Dropped or rewritten parameters, by candidate, from the scorecards. */
export function listParameterWarnings(record: RunRecordFile): ParameterWarningRow[] {
  const rows: ParameterWarningRow[] = [];
  for (const card of record.summary.scorecards) {
    for (const [param, count] of Object.entries(card.warnings_by_param ?? {})) {
      if (count > 0) rows.push({ candidate_id: card.candidate_id, param, count, attempts: card.attempts, gap: (card.capability_gaps?.[param] ?? 0) > 0 });
    }
  }
  return rows;
}

export function describeRunState(record: RunRecordFile): string[] {
  const notes: string[] = [];
  if (record.simulated) notes.push('SIMULATED RUN: every answer came from the chainproof simulator; these numbers say nothing about real models.');
  if (!record.complete) notes.push(`INCOMPLETE RUN${record.stopped_reason ? ` (stopped: ${record.stopped_reason})` : ''}: figures cover only the attempts that finished.`);
  if (record.shard) notes.push(`Shard ${record.shard.index}/${record.shard.count} only: merge the shards before gating.`);
  return notes;
}
