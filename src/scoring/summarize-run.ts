/**
 * The run record → RunSummary: scorecards, qualification, ranking, the proposed chain and its
 * prediction, the baseline chain's, and the run's minimum detectable difference. One streaming pass
 * over the attempts (see attempt-facts.ts); everything after it works on compact columns.
 */
import type { Attempt } from '../core/types.js';
import type { RunManifest } from '../record/types.js';
import { collectFacts } from './attempt-facts.js';
import { predictChain } from './chain-prediction.js';
import { servedPassVector, serveChain } from './chain-serve.js';
import { nonInferiority } from './non-inferiority.js';
import { passVector, pairPassVectors } from './paired-counts.js';
import { paretoFrontier } from './pareto.js';
import { qualifyCandidate, toPairedComparison } from './qualify-candidate.js';
import { rankCandidates } from './rank-candidates.js';
import { buildScorecard } from './scorecard.js';
import { createScoringContext, readOutcomeRules, type ScoringContext, type SummarizeOptions } from './scoring-context.js';
import type { RunSummary } from './types.js';

export type { SummarizeOptions } from './scoring-context.js';

/**
 * Summarizes a run. "Pass" and how errors count are defined once in attempt-outcome.ts: an
 * attempt passes when its status is ok and every applicable verdict passes; capability errors
 * (bad_request, content_filter, context_length) are failed answers; other errors are unavailable
 * answers, left out of pass rates and counted in error rate, availability and chain prediction.
 */
export async function summarizeRun(
  manifest: RunManifest,
  attempts: AsyncIterable<Attempt> | Iterable<Attempt>,
  options: SummarizeOptions = {},
): Promise<RunSummary> {
  const context = await createContextFromAttempts(manifest, attempts, options);
  return buildSummary(context);
}

export async function createContextFromAttempts(
  manifest: RunManifest,
  attempts: AsyncIterable<Attempt> | Iterable<Attempt>,
  options: SummarizeOptions = {},
): Promise<ScoringContext> {
  const warnings: string[] = [];
  const outcomeRules = readOutcomeRules(manifest, options, warnings);
  const facts = await collectFacts(manifest.candidates.map((candidate) => candidate.id), attempts, outcomeRules);
  if (facts.unknownCandidates.size > 0) {
    warnings.push(`attempts of candidates not in run.json were ignored: ${[...facts.unknownCandidates].sort().join(', ')}`);
  }
  if (!manifest.complete) warnings.push(`the run is incomplete (${manifest.stopped_reason ?? 'stopped early'}): figures cover the attempts recorded so far`);
  if (manifest.simulated) warnings.push('simulated run: these figures describe simulated models, not real providers');
  const validationCost = manifest.candidates.reduce((sum, candidate) => sum + (facts.get(candidate.id)?.validationCostUsd ?? 0), 0);
  if (validationCost > 0) warnings.push(`judge validator calls cost $${validationCost.toFixed(4)} in all (in each scorecard's validation_cost_usd, not in the candidates' cost per request)`);
  return createScoringContext(manifest, facts, outcomeRules, options, warnings);
}

export function buildSummary(context: ScoringContext): RunSummary {
  const { manifest, facts, rules } = context;
  const primaryId = resolvePrimary(manifest);
  const cards = manifest.candidates.map((candidate) => buildScorecard(context, candidate.id));
  const passVectors = new Map(manifest.candidates.map((candidate) => [candidate.id, passVector(facts.get(candidate.id)!, facts.keyCount)]));
  const qualification = cards.map((card) => qualifyCandidate({ context, card, primaryId, passVectors }));
  const { ranking, proposedChain } = rankCandidates({ cards, qualifications: qualification, primaryId, margin: rules.margin, choosePrimary: rules.choose_primary });
  const summary: RunSummary = {
    scorecards: cards,
    qualification,
    ranking,
    proposed_chain: proposedChain,
    pareto_frontier: paretoFrontier(cards),
    primary: primaryId,
    margin: rules.margin,
    simulated: manifest.simulated || cards.some((card) => card.simulated),
    warnings: context.warnings,
  };
  const predictOptions = { defaultBeta: context.options.defaultBeta };
  if (proposedChain.length > 0 && facts.keyCount > 0) summary.chain_prediction = predictChain(facts, manifest.candidates, proposedChain, predictOptions);
  const baseline = validBaselineChain(manifest, context.warnings);
  if (baseline && facts.keyCount > 0) {
    summary.baseline_prediction = predictChain(facts, manifest.candidates, baseline, predictOptions);
    if (proposedChain.length > 0) {
      const proposedVector = servedPassVector(serveChain(facts, proposedChain), facts.keyCount);
      const baselineVector = servedPassVector(serveChain(facts, baseline), facts.keyCount);
      const table = pairPassVectors(baselineVector, proposedVector, context.keyCluster);
      const result = nonInferiority(table, rules.margin, { method: context.options.pairedMethod, designEffect: table.designEffect, answersPerCase: context.manifest.repeat });
      summary.baseline_comparison = { ...toPairedComparison(result), verdict: result.verdict };
    }
  }
  // The run's MDE is the weakest of its paired comparisons: the difference every one of them can see.
  const mdes = [...qualification.map((entry) => entry.paired?.mde), summary.baseline_comparison?.mde].filter(
    (value): value is number => value !== undefined && Number.isFinite(value),
  );
  if (mdes.length > 0) summary.mde = Math.max(...mdes);
  return summary;
}

export function resolvePrimary(manifest: RunManifest): string {
  const ids = new Set(manifest.candidates.map((candidate) => candidate.id));
  if (ids.has(manifest.primary)) return manifest.primary;
  return manifest.baseline_chain?.find((id) => ids.has(id)) ?? manifest.candidates[0]!.id;
}

function validBaselineChain(manifest: RunManifest, warnings: string[]): string[] | undefined {
  if (!manifest.baseline_chain || manifest.baseline_chain.length === 0) return undefined;
  const ids = new Set(manifest.candidates.map((candidate) => candidate.id));
  const unknown = manifest.baseline_chain.filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    warnings.push(`baseline_chain names candidates that were not run (${unknown.join(', ')}); baseline not predicted`);
    return undefined;
  }
  return manifest.baseline_chain;
}
