import { describe, expect, it } from 'vitest';
import { collectFacts } from '../../src/scoring/attempt-facts.js';
import { correlatedAvailability, independentAvailability } from '../../src/scoring/chain-availability.js';
import { predictChain } from '../../src/scoring/chain-prediction.js';
import { serveChain } from '../../src/scoring/chain-serve.js';
import { summarizeRun } from '../../src/scoring/summarize-run.js';
import { makeAttempt, makeManifest, makeSyntheticRun } from './synthetic-run.js';

const rules = { safetyValidators: new Set(['safety']) };

describe('chain prediction', () => {
  it('gives correlated members (shared infra tag) a lower availability than independent ones, naming the tag', async () => {
    const run = makeSyntheticRun({
      cases: 2000,
      seed: 'correlated',
      outageRate: { gcp: 0.03 },
      candidates: [
        { id: 'gcp-a', quality: 0.9, infra: { cloud: 'gcp' }, outageGroup: 'gcp' },
        { id: 'gcp-b', quality: 0.9, infra: { cloud: 'gcp' }, outageGroup: 'gcp' },
        { id: 'aws', quality: 0.9, infra: { cloud: 'aws' }, errorRate: 0.03, errorKind: 'server_error' },
        { id: 'azure', quality: 0.9, infra: { cloud: 'azure' }, errorRate: 0.03, errorKind: 'server_error' },
      ],
    });
    const facts = await collectFacts(run.manifest.candidates.map((candidate) => candidate.id), run.attempts, rules);
    const correlated = predictChain(facts, run.manifest.candidates, ['gcp-a', 'gcp-b']);
    const independent = predictChain(facts, run.manifest.candidates, ['aws', 'azure']);
    expect(correlated.shared_dependencies).toEqual([{ members: ['gcp-a', 'gcp-b'], tag: 'cloud', value: 'gcp', beta: expect.any(Number) }]);
    // The outages were fully shared, so the measured β is far above the default 0.1.
    expect(correlated.shared_dependencies[0]!.beta).toBeGreaterThan(0.5);
    expect(independent.shared_dependencies).toEqual([]);
    expect(correlated.availability).toBeLessThan(correlated.availability_independent);
    expect(correlated.availability).toBeLessThan(independent.availability);
    expect(independent.availability).toBeCloseTo(independent.availability_independent, 12);
    // The replayed chains agree with the model: the shared outages get through, the independent errors rarely do.
    expect(correlated.availability_measured).toBeLessThan(0.985);
    expect(independent.availability_measured).toBeGreaterThan(0.995);
  });

  it('applies the default β to members that share a tag even when the run saw no joint failure', () => {
    const two = correlatedAvailability([0.99, 0.98], [{ members: [0, 1], tag: 'provider', value: 'openai', beta: 0.1 }]);
    expect(two).toBeLessThan(independentAvailability([0.99, 0.98]));
    expect(1 - two).toBeCloseTo(0.1 * 0.01 + (1 - 0.001) * (0.01 - 0.001) * (0.02 - 0.001), 12);
    // A third, independent member multiplies the remaining downtime.
    const three = correlatedAvailability([0.99, 0.98, 0.95], [{ members: [0, 1], tag: 'provider', value: 'openai', beta: 0.1 }]);
    expect(1 - three).toBeCloseTo((1 - two) * 0.05, 12);
  });

  it('adds the time to detect a failure to the next member’s latency and prices each hop at its own model', async () => {
    const primary = { id: 'primary', costUsd: 0.01 };
    const fallback = { id: 'fallback', costUsd: 0.001 };
    const attempts = [];
    for (let index = 0; index < 100; index += 1) {
      const caseId = `c${index}`;
      const primaryFails = index < 10;
      attempts.push(makeAttempt({ caseId, candidate: primary, repeat: 0, pass: true, error: primaryFails ? 'timeout' : undefined, latencyMs: primaryFails ? 5000 : 200 }));
      attempts.push(makeAttempt({ caseId, candidate: fallback, repeat: 0, pass: index % 2 === 0, latencyMs: 300 }));
    }
    const manifest = makeManifest({ cases: 100, candidates: [{ id: 'primary', quality: 1 }, { id: 'fallback', quality: 1 }] });
    const facts = await collectFacts(['primary', 'fallback'], attempts, rules);
    const prediction = predictChain(facts, manifest.candidates, ['primary', 'fallback']);
    expect(prediction.latency_ms.p50).toBe(200);
    expect(prediction.latency_ms.p99).toBe(5300);
    // 90 answers at $0.01 by the primary, 10 at $0.001 by the fallback (the timed-out call billed nothing).
    expect(prediction.cost_per_1k_requests_usd).toBeCloseTo(((90 * 0.01 + 10 * 0.001) / 100) * 1000, 10);
    expect(prediction.served_share).toEqual({ primary: 0.9, fallback: 0.1 });
    // The fallback served the 10 failed cases, passing the even ones (5 of 10).
    expect(prediction.success_rate).toBeCloseTo(0.95, 12);
    // Forced failover: the fallback serves everything.
    const forced = serveChain(facts, ['primary', 'fallback'], { from: 1 });
    expect(forced.pass.reduce((sum, value) => sum + value, 0)).toBe(50);
  });

  it('summarizeRun predicts the proposed chain and the baseline chain on the same cases', async () => {
    const run = makeSyntheticRun({
      cases: 400,
      seed: 'baseline',
      baselineChain: ['primary', 'weak'],
      candidates: [
        { id: 'primary', quality: 0.9, errorRate: 0.2, errorKind: 'overloaded' },
        { id: 'good', quality: 0.9 },
        { id: 'weak', quality: 0.6 },
      ],
      qualify: { max_error_rate: 0.5 },
    });
    const summary = await summarizeRun(run.manifest, run.attempts);
    expect(summary.proposed_chain).toEqual(['primary', 'good']);
    expect(summary.chain_prediction!.members).toEqual(['primary', 'good']);
    expect(summary.baseline_prediction!.members).toEqual(['primary', 'weak']);
    expect(summary.chain_prediction!.success_rate).toBeGreaterThan(summary.baseline_prediction!.success_rate);
    expect(summary.baseline_comparison!.c).toBeGreaterThan(summary.baseline_comparison!.b);
  });
});
