import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/core/types.js';
import { rankCandidates } from '../../src/scoring/rank-candidates.js';
import { summarizeRun } from '../../src/scoring/summarize-run.js';
import type { Scorecard } from '../../src/scoring/types.js';
import { makeAttempt, makeManifest, makeSyntheticRun } from './synthetic-run.js';

const byId = <T extends { candidate_id: string }>(list: T[], id: string): T => list.find((entry) => entry.candidate_id === id)!;

describe('summarizeRun', () => {
  it('reads attempts as a stream and counts passes, capability errors and availability errors as documented', async () => {
    const candidate = { id: 'only' };
    const attempts: Attempt[] = [
      makeAttempt({ caseId: 'a', candidate, repeat: 0, pass: true }),
      makeAttempt({ caseId: 'b', candidate, repeat: 0, pass: false }),
      makeAttempt({ caseId: 'c', candidate, repeat: 0, pass: true, error: 'context_length' }),
      makeAttempt({ caseId: 'd', candidate, repeat: 0, pass: true, error: 'rate_limited' }),
    ];
    async function* stream() {
      for (const attempt of attempts) yield attempt;
    }
    const manifest = makeManifest({ cases: 4, candidates: [{ id: 'only', quality: 1 }] });
    const summary = await summarizeRun(manifest, stream());
    const card = summary.scorecards[0]!;
    expect(card.attempts).toBe(4);
    expect(card.answered).toBe(2);
    // a passes; b fails; c (context_length) is a failed answer; d (rate_limited) is left out.
    expect(card.pass).toMatchObject({ k: 1, n: 3 });
    expect(card.error_rate).toMatchObject({ k: 2, n: 4 });
    expect(card.errors_by_kind).toEqual({ context_length: 1, rate_limited: 1 });
    expect(card.availability.after_retries).toBe(0.5);
    // The not_applicable code-syntax verdict is not counted anywhere.
    expect(Object.keys(card.pass_by_validator).sort()).toEqual(['json-schema', 'safety']);
    expect(card.cost_per_pass_usd).toBeCloseTo(0.002, 12);
    expect(card.cost_per_1k_requests_usd).toBeCloseTo(0.5, 12);
    expect(card.latency_ms!.p50_interval!.low).toBeLessThanOrEqual(card.latency_ms!.p50);
  });

  it('restricts the pass to qualify.required_validators', async () => {
    const candidate = { id: 'only' };
    const attempt = makeAttempt({ caseId: 'a', candidate, repeat: 0, pass: true, safetyFailed: true });
    const strict = await summarizeRun(makeManifest({ cases: 1, candidates: [{ id: 'only', quality: 1 }] }), [attempt]);
    expect(strict.scorecards[0]!.pass.k).toBe(0);
    expect(strict.scorecards[0]!.safety_failure).toMatchObject({ k: 1, n: 1 });
    const schemaOnly = await summarizeRun(makeManifest({ cases: 1, candidates: [{ id: 'only', quality: 1 }], qualify: { required_validators: ['json-schema'] } }), [attempt]);
    expect(schemaOnly.scorecards[0]!.pass.k).toBe(1);
  });

  it('ranks within the margin by availability, then cost per passing answer, and keeps dominated candidates behind', async () => {
    const run = makeSyntheticRun({
      cases: 600,
      seed: 'ranking',
      sharedDifficulty: 1,
      qualify: { max_error_rate: 0.2 },
      candidates: [
        { id: 'primary', quality: 0.9, costUsd: 0.004 },
        { id: 'cheap', quality: 0.9, costUsd: 0.001 },
        { id: 'pricey', quality: 0.9, costUsd: 0.002 },
        { id: 'flaky', quality: 0.9, costUsd: 0.0005, errorRate: 0.1, errorKind: 'overloaded' },
      ],
    });
    const summary = await summarizeRun(run.manifest, run.attempts);
    expect(summary.proposed_chain).toEqual(['primary', 'cheap', 'pricey', 'flaky']);
    expect(byId(summary.ranking, 'pricey').dominated_by).toBe('cheap');
    expect(summary.pareto_frontier).toContain('cheap');
    expect(summary.pareto_frontier).not.toContain('pricey');
  });

  it('does not treat an unpriced candidate as free: no dominance, no cost tie-break, flagged on its scorecard', async () => {
    const run = makeSyntheticRun({
      cases: 600,
      seed: 'ranking',
      sharedDifficulty: 1,
      candidates: [
        { id: 'primary', quality: 0.9, costUsd: 0.004 },
        { id: 'priced', quality: 0.9, costUsd: 0.001 },
        { id: 'unpriced', quality: 0.9, costUsd: 0 },
      ],
    });
    const unpriced = run.manifest.candidates.find((candidate) => candidate.id === 'unpriced')!;
    unpriced.price_source = 'none';
    const summary = await summarizeRun(run.manifest, run.attempts);
    expect(byId(summary.scorecards, 'unpriced').cost_unknown).toBe(true);
    expect(byId(summary.scorecards, 'priced').cost_unknown).toBeUndefined();
    expect(byId(summary.ranking, 'priced').dominated_by).toBeUndefined();
    // Equal quality and availability, no comparable cost: the id decides, not the unknown $0.
    expect(summary.proposed_chain).toEqual(['primary', 'priced', 'unpriced']);
  });

  it('names the unpriced members whose answers the chain prediction counts as free', async () => {
    const run = makeSyntheticRun({
      cases: 600,
      seed: 'unpriced-chain',
      sharedDifficulty: 1,
      qualify: { max_error_rate: 0.5 },
      candidates: [
        { id: 'primary', quality: 0.9, costUsd: 0.004, errorRate: 0.3 },
        { id: 'unpriced', quality: 0.9, costUsd: 0 },
      ],
    });
    run.manifest.candidates.find((candidate) => candidate.id === 'unpriced')!.price_source = 'none';
    const summary = await summarizeRun(run.manifest, run.attempts);
    expect(summary.proposed_chain).toEqual(['primary', 'unpriced']);
    expect(summary.chain_prediction!.served_share!['unpriced']).toBeGreaterThan(0.2);
    expect(summary.chain_prediction!.cost_unknown_for).toEqual(['unpriced']);
  });

  it('cannot show an unpriced candidate under a cost ceiling', async () => {
    const run = makeSyntheticRun({
      cases: 400,
      seed: 'unpriced-ceiling',
      sharedDifficulty: 1,
      qualify: { max_cost_per_1k_usd: 5 },
      candidates: [
        { id: 'primary', quality: 0.9, costUsd: 0.001 },
        { id: 'unpriced', quality: 0.9, costUsd: 0 },
      ],
    });
    run.manifest.candidates.find((candidate) => candidate.id === 'unpriced')!.price_source = 'none';
    const summary = await summarizeRun(run.manifest, run.attempts);
    const verdict = byId(summary.qualification, 'unpriced');
    expect(verdict.status).toBe('not_enough_evidence');
    expect(verdict.reasons.join('\n')).toContain('cost per 1,000 requests is unknown (no price for this model)');
  });

  it('never puts a dominated candidate ahead of the one that dominates it, even when the tie-breaks would', () => {
    const card = (id: string, pass: number, cost: number, availability: number): Scorecard => ({
      candidate_id: id,
      attempts: 100,
      answered: 100,
      pass: { k: pass * 100, n: 100, rate: pass, interval: { low: 0, high: 1 } },
      pass_by_tag: {},
      pass_by_validator: {},
      error_rate: { k: 0, n: 100, rate: 0, interval: { low: 0, high: 0 } },
      errors_by_kind: {},
      availability: { first_try: availability, after_retries: availability },
      latency_ms: null,
      ttft_ms: null,
      cost_usd_total: cost * 100,
      cost_per_1k_requests_usd: cost * 1000,
      cost_per_pass_usd: cost / pass,
      warnings_by_param: {},
      simulated: false,
    });
    // "worse" is within the margin of "better" and more available, so the tie-breaks put it first,
    // but "better" passes more often for less money.
    const cards = [card('primary', 0.9, 0.01, 1), card('worse', 0.88, 0.003, 1), card('better', 0.9, 0.002, 0.99)];
    const qualifications = cards.map((entry) => ({ candidate_id: entry.candidate_id, status: entry.candidate_id === 'primary' ? ('primary' as const) : ('qualified' as const), qualified: true, reasons: [] }));
    const { proposedChain } = rankCandidates({ cards, qualifications, primaryId: 'primary', margin: 0.03, choosePrimary: false });
    expect(proposedChain).toEqual(['primary', 'better', 'worse']);
    const chosen = rankCandidates({ cards, qualifications: qualifications.map((entry) => ({ ...entry, status: 'qualified' as const })), primaryId: 'primary', margin: 0.03, choosePrimary: true });
    expect(chosen.proposedChain[0]).toBe('better');
  });

  it('keeps memory flat: 50k attempts summarize without holding outputs', async () => {
    const candidates = ['p', 'f1', 'f2', 'f3', 'f4'].map((id) => ({ id, quality: 0.9 }));
    function* attempts(): Generator<Attempt> {
      for (let index = 0; index < 10_000; index += 1) {
        for (const candidate of candidates) {
          const attempt = makeAttempt({ caseId: `case-${index}`, candidate, repeat: 0, pass: (index * 7 + candidate.id.length) % 10 !== 0 });
          attempt.output = 'x'.repeat(2000);
          yield attempt;
        }
      }
    }
    const summary = await summarizeRun(makeManifest({ cases: 10_000, candidates }), attempts());
    expect(summary.scorecards.map((card) => card.attempts)).toEqual([10_000, 10_000, 10_000, 10_000, 10_000]);
  });
});
