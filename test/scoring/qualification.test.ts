/** Qualification on synthetic runs drawn with a seeded PRNG (issue 7, "Done when"). */
import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../../src/scoring/summarize-run.js';
import { makeSyntheticRun } from './synthetic-run.js';

const byId = <T extends { candidate_id: string }>(list: T[], id: string): T => list.find((entry) => entry.candidate_id === id)!;

describe('qualification against the primary', () => {
  it('reports a fallback 10 points worse on 400 cases as worse, and an equal one as qualified', async () => {
    const run = makeSyntheticRun({
      cases: 400,
      seed: 'ten-points',
      candidates: [
        { id: 'primary', quality: 0.9 },
        { id: 'equal', quality: 0.9 },
        { id: 'worse', quality: 0.8 },
      ],
    });
    const summary = await summarizeRun(run.manifest, run.attempts, { caseTags: run.caseTags });
    const worse = byId(summary.qualification, 'worse');
    expect(worse.status).toBe('worse');
    expect(worse.qualified).toBe(false);
    expect(worse.paired!.difference).toBeLessThan(-0.07);
    expect(worse.paired!.mid_p).toBeLessThan(0.05);
    expect(worse.reasons.join('\n')).toMatch(/worse: the one-sided 95% lower bound −\d+\.\d points is below the margin of −3\.0 points/);
    const equal = byId(summary.qualification, 'equal');
    expect(equal.status).toBe('qualified');
    expect(equal.paired!.lower_bound).toBeGreaterThan(-0.03);
    expect(equal.paired!.n).toBe(400);
    expect(equal.paired!.a + equal.paired!.b + equal.paired!.c + equal.paired!.d).toBe(400);
    expect(byId(summary.qualification, 'primary').status).toBe('primary');
    expect(summary.proposed_chain).toEqual(['primary', 'equal']);
    expect(summary.ranking.map((entry) => entry.candidate_id)).toEqual(['primary', 'equal', 'worse']);
    expect(summary.mde).toBeGreaterThan(0);
  });

  it('reports an equal fallback on 40 cases as not enough evidence, with the cases that would settle it', async () => {
    const run = makeSyntheticRun({
      cases: 40,
      seed: 'forty',
      candidates: [
        { id: 'primary', quality: 0.9 },
        { id: 'fallback', quality: 0.9 },
      ],
    });
    const summary = await summarizeRun(run.manifest, run.attempts);
    const fallback = byId(summary.qualification, 'fallback');
    expect(fallback.status).toBe('not_enough_evidence');
    expect(fallback.paired!.cases_needed).toBeGreaterThan(40);
    expect(fallback.reasons.join('\n')).toContain(`about ${fallback.paired!.cases_needed!.toLocaleString('en-US')} cases would settle it`);
    expect(summary.proposed_chain).toEqual(['primary']);
  });

  it('disqualifies by hard rules with the measured number and the limit', async () => {
    const run = makeSyntheticRun({
      cases: 300,
      seed: 'hard-rules',
      qualify: { max_error_rate: 0.02, max_cost_per_1k_usd: 5, max_p95_latency_ms: 2000 },
      candidates: [
        { id: 'primary', quality: 0.9 },
        { id: 'flaky', quality: 0.9, errorRate: 0.1 },
        { id: 'dear', quality: 0.9, costUsd: 0.01 },
        { id: 'slow', quality: 0.9, latencyMs: 5000 },
        { id: 'no-schema', quality: 0.9, warningParam: 'response_format' },
        { id: 'prompt-only', quality: 0.9, warningParam: 'response_format', warningType: 'compat', warningDetail: 'json_object is not enforced by Anthropic here; asked for in the system prompt instead' },
        { id: 'forced-tool', quality: 0.9, warningParam: 'response_format', warningType: 'compat', warningDetail: 'json_schema sent as a forced tool; the answer is that tool input' },
        { id: 'leaky', quality: 0.9, safetyFailRate: 0.05 },
      ],
    });
    const summary = await summarizeRun(run.manifest, run.attempts);
    const reasons = (id: string) => byId(summary.qualification, id).reasons.join('\n');
    for (const id of ['flaky', 'dear', 'slow', 'no-schema', 'prompt-only', 'leaky']) expect(byId(summary.qualification, id).status).toBe('disqualified');
    expect(reasons('flaky')).toMatch(/error rate \d+\.\d% \(\d+ of 300 requests\) is above the limit of 2\.0%/);
    expect(reasons('dear')).toContain('cost $10.00 per 1,000 requests is above the limit of $5.00');
    expect(reasons('slow')).toMatch(/p95 latency [\d,]+ ms is above the limit of 2,000 ms/);
    expect(reasons('no-schema')).toContain('could not honour response_format on 300 of 300 requests');
    expect(reasons('prompt-only')).toContain('could not honour response_format on 300 of 300 requests');
    // A faithful translation is a warning in the report, not a broken contract.
    expect(byId(summary.qualification, 'forced-tool').status).not.toBe('disqualified');
    expect(reasons('leaky')).toMatch(/\d+ new safety failures/);
    expect(summary.proposed_chain.filter((id) => id !== 'forced-tool')).toEqual(['primary']);
    expect(reasons('forced-tool')).not.toContain('could not honour');
    // Errors of an availability kind are not failed answers: the flaky candidate's pass rate is over its answers.
    const flaky = byId(summary.scorecards, 'flaky');
    expect(flaky.pass.n).toBe(flaky.answered);
    expect(flaky.errors_by_kind.rate_limited).toBe(flaky.attempts - flaky.answered);
  });

  it('disqualifies a candidate that never saw part of the prompt (a dropped image or file), not one whose turns were merged', async () => {
    const run = makeSyntheticRun({
      cases: 100,
      seed: 'content-gap',
      candidates: [
        { id: 'primary', quality: 0.9 },
        { id: 'blind', quality: 0.9, warningParam: 'messages', warningDetail: 'content part of type "input_audio" dropped' },
        { id: 'merged', quality: 0.9, warningParam: 'messages', warningType: 'compat', warningDetail: '1 consecutive same-role turn(s) merged' },
      ],
    });
    const summary = await summarizeRun(run.manifest, run.attempts);
    expect(byId(summary.qualification, 'blind').status).toBe('disqualified');
    expect(byId(summary.qualification, 'blind').reasons.join('\n')).toContain('could not send part of the prompt (an image, audio or file this provider cannot take) on 100 of 100 requests');
    expect(byId(summary.qualification, 'merged').reasons.join('\n')).not.toContain('could not send');
  });

  it('keeps a primary that breaks a hard rule as the reference, naming the rules it breaks', async () => {
    const run = makeSyntheticRun({
      cases: 100,
      seed: 'broken-primary',
      qualify: { max_error_rate: 0.02 },
      candidates: [
        { id: 'primary', quality: 0.9, errorRate: 0.5 },
        { id: 'fallback', quality: 0.9 },
      ],
    });
    const summary = await summarizeRun(run.manifest, run.attempts);
    const primary = byId(summary.qualification, 'primary');
    expect(primary.status).toBe('primary');
    expect(primary.broken_rules?.join('\n')).toMatch(/error rate .* is above the limit of 2\.0%/);
    expect(byId(summary.qualification, 'fallback').broken_rules).toBeUndefined();
  });

  it('catches a fallback that is fine overall but worse on one tag (Holm across tags)', async () => {
    const primary = makeSyntheticRun({ cases: 1200, seed: 'slice', candidates: [{ id: 'primary', quality: 0.9 }], tagsOf: (index) => [`slice-${index % 6}`] });
    // The candidate copies the primary except on slice-0, where it fails one case in ten that the primary passes.
    const attempts = [...primary.attempts];
    for (const attempt of primary.attempts) {
      const index = Number(attempt.case_id.slice(5));
      const copy = structuredClone(attempt);
      copy.candidate_id = 'fallback';
      if (index % 60 === 0 && copy.verdicts[0]!.pass) copy.verdicts[0]!.pass = false;
      attempts.push(copy);
    }
    const manifest = { ...primary.manifest, candidates: [...primary.manifest.candidates, { ...primary.manifest.candidates[0]!, id: 'fallback', model: 'other' }] };
    const summary = await summarizeRun(manifest, attempts, { caseTags: primary.caseTags });
    const fallback = byId(summary.qualification, 'fallback');
    // Overall it is non-inferior: only the slice gives it away.
    expect(fallback.paired!.lower_bound).toBeGreaterThan(-0.03);
    expect(fallback.strata!.find((stratum) => stratum.tag === 'slice-0')!.failed).toBe(true);
    expect(fallback.strata!.filter((stratum) => stratum.failed)).toHaveLength(1);
    expect(fallback.status).toBe('worse');
    expect(fallback.reasons.join('\n')).toContain('worse on tag "slice-0"');
  });

  it('widens the interval when repeats of a case are clustered, and reports flips', async () => {
    const run = makeSyntheticRun({
      cases: 200,
      repeat: 3,
      seed: 'repeats',
      sharedDifficulty: 0.95,
      candidates: [
        { id: 'primary', quality: 0.85 },
        { id: 'fallback', quality: 0.85 },
      ],
    });
    const summary = await summarizeRun(run.manifest, run.attempts);
    const card = byId(summary.scorecards, 'primary');
    expect(card.pass.n).toBe(600);
    expect(card.pass.design_effect).toBeGreaterThan(1);
    expect(card.flip_rate).toBeGreaterThan(0);
    expect(card.flip_rate).toBeLessThan(1);
    // 600 pairs are 200 cases × 3 repeats: the reason must not call them 600 cases.
    expect(byId(summary.qualification, 'fallback').reasons[0]).toMatch(/^paired on 600 answers \(case × repeat, 3 repeats\):/);
  });
});
