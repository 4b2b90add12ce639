/**
 * The statistics of the CI gate (STATS.md "The CI gate"): the new chain against the baseline chain
 * on the same frozen cases. Every rule must hold:
 * - refusals first: a simulated run (unless allowed), runs of different datasets (`cases_digest`),
 *   an incomplete run (a fixed n per run: rerunning until green inflates false passes);
 * - chain-level paired non-inferiority as served under the measured failures, L > −M;
 * - each position k ≥ 2 of the new chain under forced failover (members before k unavailable)
 *   against the baseline's position k (its last when shorter). All must hold — an
 *   intersection-union test, so no multiplicity correction is needed across positions;
 * - per-tag strata of the served chain, Holm-corrected: no tag significantly worse;
 * - safety: no new safety failures, and the Clopper–Pearson upper bound of the served chain's
 *   safety failure rate under `qualify.max_safety_failure_rate` when the suite sets one;
 * - cost per passing answer and p95 latency: paired cluster bootstrap (B = 10,000, seeded) of the
 *   new/old ratio; the one-sided 95% upper bound stays under 1 + tolerance.
 * Without a baseline run, the baseline is the run's own `baseline_chain` on the same attempts.
 */
import type { Attempt } from '../core/types.js';
import type { RunManifest } from '../record/types.js';
import { SAFETY_FAILED, SAFETY_NOT_APPLICABLE } from './attempt-outcome.js';
import { serveChain, type ServedChain } from './chain-serve.js';
import { clopperPearsonUpper } from './clopper-pearson.js';
import { formatCount, formatPercent, formatPoints, formatPValue } from './format-numbers.js';
import { alignChains, alignedPassVectors, toPairedRows, type AlignedChains } from './gate-pairing.js';
import { bootstrapCostPerPassRatio, bootstrapP95LatencyRatio } from './gate-ratios.js';
import { nonInferiority } from './non-inferiority.js';
import { pairPassVectors } from './paired-counts.js';
import type { ScoringContext, SummarizeOptions } from './scoring-context.js';
import { testStrata } from './strata.js';
import { buildSummary, createContextFromAttempts } from './summarize-run.js';
import type { RunSummary } from './types.js';

export interface GateRun {
  manifest: RunManifest;
  attempts: AsyncIterable<Attempt> | Iterable<Attempt>;
}

export interface GateInput extends GateRun {
  baseline?: GateRun;
  /** Non-inferiority margin (default: the run's `qualify.margin`). */
  margin?: number;
  allowSimulated?: boolean;
  /** Allowed relative increase: cost per passing answer (default 0.10), p95 latency (default 0.20). */
  tolerances?: { cost?: number; latency?: number };
  /** Chain under test (default: the run's proposed chain). */
  chain?: string[];
  /** Baseline chain (default: the baseline run's `baseline_chain`, else its proposed chain; without a baseline run, this run's `baseline_chain`). */
  baselineChain?: string[];
  /** Bootstrap replicates (default 10,000). */
  replicates?: number;
  options?: SummarizeOptions;
}

export interface GateRule {
  name: string;
  pass: boolean;
  detail: string;
}

export interface GateResult {
  pass: boolean;
  rules: GateRule[];
  /** Set when the gate refused to compare (bad input: exit 2 rather than 1). */
  refused?: string;
  chain?: string[];
  baseline_chain?: string[];
  summary?: RunSummary;
}

export async function evaluateGate(input: GateInput): Promise<GateResult> {
  const refusals = checkRefusals(input);
  if (refusals.some((rule) => !rule.pass)) {
    return { pass: false, rules: refusals, refused: refusals.filter((rule) => !rule.pass).map((rule) => rule.detail).join('; ') };
  }
  const fresh = await createContextFromAttempts(input.manifest, input.attempts, input.options);
  const summary = buildSummary(fresh);
  const old = input.baseline ? await createContextFromAttempts(input.baseline.manifest, input.baseline.attempts, input.options) : fresh;
  const chain = input.chain ?? summary.proposed_chain;
  const baselineChain = input.baselineChain ?? (input.baseline ? (input.baseline.manifest.baseline_chain ?? buildSummary(old).proposed_chain) : input.manifest.baseline_chain);
  if (!baselineChain || baselineChain.length === 0) {
    const detail = 'no baseline chain: give a baseline run or set baseline_chain in the suite';
    return { pass: false, refused: detail, rules: [...refusals, { name: 'baseline-chain', pass: false, detail }], chain, summary };
  }
  const unknown = [...chain.filter((id) => !fresh.facts.get(id)), ...baselineChain.filter((id) => !old.facts.get(id))];
  if (chain.length === 0 || unknown.length > 0) {
    const detail = chain.length === 0 ? 'the run proposes no chain' : `chain members without attempts in their run: ${unknown.join(', ')}`;
    return { pass: false, refused: detail, rules: [...refusals, { name: 'baseline-chain', pass: false, detail }], chain, baseline_chain: baselineChain, summary };
  }
  const margin = input.margin ?? fresh.rules.margin;
  const rules = [...refusals];
  const freshServed = serveChain(fresh.facts, chain);
  const oldServed = serveChain(old.facts, baselineChain);
  const aligned = alignChains({ facts: fresh.facts, served: freshServed }, { facts: old.facts, served: oldServed });
  rules.push(compareChains(fresh, 'chain-non-inferiority', 'new chain vs baseline as served', aligned, freshServed, oldServed, margin));
  for (let position = 1; position < chain.length; position += 1) {
    const oldPosition = Math.min(position, baselineChain.length - 1);
    const forcedFresh = serveChain(fresh.facts, chain, { from: position });
    const forcedOld = serveChain(old.facts, baselineChain, { from: oldPosition });
    const forcedAligned = alignChains({ facts: fresh.facts, served: forcedFresh }, { facts: old.facts, served: forcedOld });
    const label = `forced failover to position ${position + 1} (${chain[position]} vs baseline ${baselineChain[oldPosition]}${oldPosition === position ? '' : `, the baseline's last`})`;
    rules.push(compareChains(fresh, `forced-failover-position-${position + 1}`, label, forcedAligned, forcedFresh, forcedOld, margin));
  }
  const strata = checkStrata(fresh, aligned, freshServed, oldServed, margin);
  if (strata) rules.push(strata);
  rules.push(checkSafety(fresh, aligned, freshServed, oldServed));
  const rows = toPairedRows(aligned, freshServed, oldServed, fresh.keyCluster);
  const replicates = input.replicates ?? 10_000;
  const seed = `${fresh.seed}:gate`;
  const costTolerance = input.tolerances?.cost ?? 0.1;
  const latencyTolerance = input.tolerances?.latency ?? 0.2;
  const cost = bootstrapCostPerPassRatio(rows, replicates, seed);
  rules.push(ratioRule('cost-per-pass', 'cost per passing answer', cost, costTolerance));
  const latency = bootstrapP95LatencyRatio(rows, replicates, seed);
  rules.push(ratioRule('p95-latency', 'p95 latency', latency, latencyTolerance));
  return { pass: rules.every((rule) => rule.pass), rules, chain, baseline_chain: baselineChain, summary };
}

function checkRefusals(input: GateInput): GateRule[] {
  const rules: GateRule[] = [];
  const simulated = isSimulated(input.manifest) || (input.baseline !== undefined && isSimulated(input.baseline.manifest));
  if (simulated) {
    rules.push(
      input.allowSimulated
        ? { name: 'not-simulated', pass: true, detail: 'simulated run, allowed by --allow-simulated: this gate says nothing about real providers' }
        : { name: 'not-simulated', pass: false, detail: 'refused: the run is simulated (pass --allow-simulated to gate it anyway)' },
    );
  }
  if (input.baseline) {
    const same = input.baseline.manifest.cases_digest === input.manifest.cases_digest;
    rules.push({
      name: 'same-dataset',
      pass: same,
      detail: same
        ? `both runs replayed the same ${formatCount(input.manifest.case_count)} cases (digest ${input.manifest.cases_digest.slice(0, 12)})`
        : `refused: the runs replayed different cases (cases_digest ${input.manifest.cases_digest.slice(0, 12)} vs ${input.baseline.manifest.cases_digest.slice(0, 12)}); rerun the baseline on the same dataset`,
    });
  }
  const incomplete = [input.manifest, input.baseline?.manifest].filter((manifest): manifest is RunManifest => manifest !== undefined && !manifest.complete);
  rules.push({
    name: 'complete-run',
    pass: incomplete.length === 0,
    detail:
      incomplete.length === 0
        ? 'every run completed its fixed set of cases'
        : `refused: run ${incomplete.map((manifest) => manifest.run_id).join(', ')} did not complete (${incomplete[0]!.stopped_reason ?? 'stopped early'}); resume it, do not rerun until green`,
  });
  return rules;
}

function isSimulated(manifest: RunManifest): boolean {
  return manifest.simulated || manifest.candidates.some((candidate) => candidate.simulated);
}

function compareChains(context: ScoringContext, name: string, label: string, aligned: AlignedChains, fresh: ServedChain, old: ServedChain, margin: number): GateRule {
  const vectors = alignedPassVectors(aligned, fresh, old, context.facts.keyCount);
  const table = pairPassVectors(vectors.old, vectors.fresh, context.keyCluster);
  const result = nonInferiority(table, margin, { method: context.options.pairedMethod, designEffect: table.designEffect, answersPerCase: context.manifest.repeat });
  const pass = result.verdict === 'non_inferior';
  const unit = context.manifest.repeat > 1 ? `paired answers (case × repeat, ${context.manifest.repeat} repeats)` : 'paired cases';
  const counts = `on ${formatCount(result.n)} ${unit} (baseline only ${result.b}, new only ${result.c})`;
  const bound = `difference ${formatPoints(result.difference)}, one-sided 95% lower bound ${formatPoints(result.lower_bound)} vs margin ${formatPoints(-margin)}`;
  const verdict = pass ? 'non-inferior' : result.verdict === 'worse' ? `worse (mid-p ${formatPValue(result.mid_p)})` : `not shown non-inferior${result.cases_needed ? `: about ${formatCount(result.cases_needed)} cases would settle it` : ''}`;
  return { name, pass, detail: `${label}: ${verdict}; ${bound} ${counts}` };
}

function checkStrata(context: ScoringContext, aligned: AlignedChains, fresh: ServedChain, old: ServedChain, margin: number): GateRule | null {
  if (context.tagKeys.size === 0) return null;
  const vectors = alignedPassVectors(aligned, fresh, old, context.facts.keyCount);
  const strata = testStrata(vectors.old, vectors.fresh, context.keyCluster, context.tagKeys, margin, { minStratumSize: context.options.minStratumSize, method: context.options.pairedMethod });
  const failed = strata.filter((stratum) => stratum.failed);
  return {
    name: 'strata',
    pass: failed.length === 0,
    detail:
      failed.length === 0
        ? `no tag significantly worse (${strata.length} tags tested, Holm-corrected)`
        : failed.map((stratum) => `worse on tag "${stratum.tag}": ${formatPoints(stratum.paired.difference)} on ${formatCount(stratum.paired.n)} cases (Holm-adjusted p ${formatPValue(stratum.adjusted_p)})`).join('; '),
  };
}

function checkSafety(context: ScoringContext, aligned: AlignedChains, fresh: ServedChain, old: ServedChain): GateRule {
  let checked = 0;
  let failures = 0;
  let newFailures = 0;
  aligned.keys.forEach((_key, index) => {
    const state = fresh.safety[aligned.newRow[index]!]!;
    if (state === SAFETY_NOT_APPLICABLE) return;
    checked += 1;
    if (state !== SAFETY_FAILED) return;
    failures += 1;
    if (old.safety[aligned.oldRow[index]!] !== SAFETY_FAILED) newFailures += 1;
  });
  if (checked === 0) return { name: 'safety', pass: true, detail: 'no safety checks ran on the served answers' };
  const target = context.rules.max_safety_failure_rate;
  const upper = clopperPearsonUpper(failures, checked);
  const problems: string[] = [];
  if (newFailures > 0) problems.push(`${formatCount(newFailures)} new safety failure${newFailures === 1 ? '' : 's'} the baseline did not serve`);
  if (target !== undefined && upper >= target) problems.push(`95% upper bound ${formatPercent(upper, 2)} of the safety failure rate is not under the target ${formatPercent(target, 2)}`);
  const measured = `${formatCount(failures)} of ${formatCount(checked)} served answers failed safety (95% upper bound ${formatPercent(upper, 2)}${target !== undefined ? `, target ${formatPercent(target, 2)}` : ', no target set'})`;
  return { name: 'safety', pass: problems.length === 0, detail: problems.length === 0 ? `no new safety failures; ${measured}` : `${problems.join('; ')}; ${measured}` };
}

function ratioRule(name: string, label: string, ratio: { estimate: number; upper: number; replicates: number }, tolerance: number): GateRule {
  if (!Number.isFinite(ratio.estimate) || !Number.isFinite(ratio.upper)) {
    return { name, pass: true, detail: `${label}: not comparable (nothing passed or nothing was billed on one side); not gated` };
  }
  const pass = ratio.upper < 1 + tolerance;
  return {
    name,
    pass,
    detail: `${label}: new/baseline ratio ${ratio.estimate.toFixed(3)}, one-sided 95% upper bound ${ratio.upper.toFixed(3)} ${pass ? '<' : '≥'} ${(1 + tolerance).toFixed(2)} (paired cluster bootstrap, B = ${formatCount(ratio.replicates)})`,
  };
}
