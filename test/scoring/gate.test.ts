import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../src/scoring/gate.js';
import { makeSyntheticRun, type SyntheticCandidate } from './synthetic-run.js';

const rule = (result: Awaited<ReturnType<typeof evaluateGate>>, name: string) => result.rules.find((entry) => entry.name === name)!;

const candidates: SyntheticCandidate[] = [
  { id: 'primary', quality: 0.9 },
  { id: 'good', quality: 0.9 },
  { id: 'bad', quality: 0.7 },
  { id: 'dear', quality: 0.9, costUsd: 0.003 },
  { id: 'slow', quality: 0.9, latencyMs: 1500 },
  { id: 'leaky', quality: 0.9, safetyFailRate: 0.05 },
];

function run(seed = 'gate', extra: Partial<Parameters<typeof makeSyntheticRun>[0]> = {}) {
  return makeSyntheticRun({ cases: 400, seed, candidates, baselineChain: ['primary', 'good'], ...extra });
}

describe('evaluateGate', () => {
  it('passes a chain that matches its baseline, with one line per rule', async () => {
    const { manifest, attempts } = run();
    const result = await evaluateGate({ manifest, attempts, chain: ['primary', 'good'] });
    expect(result.pass).toBe(true);
    expect(rule(result, 'cost-per-pass').detail).toContain('B = 10,000');
    expect(result.rules.map((entry) => entry.name)).toEqual(['complete-run', 'chain-non-inferiority', 'forced-failover-position-2', 'safety', 'cost-per-pass', 'p95-latency']);
    expect(rule(result, 'chain-non-inferiority').detail).toMatch(/^new chain vs baseline as served: non-inferior; difference \+?0\.0 points/);
  });

  it('does not let a primary that never failed hide a bad fallback: forced failover catches it', async () => {
    const { manifest, attempts } = run();
    const result = await evaluateGate({ manifest, attempts, chain: ['primary', 'bad'], replicates: 2000 });
    expect(rule(result, 'chain-non-inferiority').pass).toBe(true);
    const forced = rule(result, 'forced-failover-position-2');
    expect(forced.pass).toBe(false);
    expect(forced.detail).toContain('forced failover to position 2 (bad vs baseline good): worse');
    expect(result.pass).toBe(false);
    expect(result.refused).toBeUndefined();
  });

  it('guards cost per passing answer and p95 latency with a paired bootstrap of the ratio', async () => {
    const { manifest, attempts } = run();
    const dear = await evaluateGate({ manifest, attempts, chain: ['dear', 'good'], baselineChain: ['primary', 'good'], replicates: 2000 });
    expect(rule(dear, 'cost-per-pass').pass).toBe(false);
    expect(rule(dear, 'cost-per-pass').detail).toMatch(/new\/baseline ratio 3\.0\d\d, one-sided 95% upper bound 3\.\d+ ≥ 1\.10/);
    expect(rule(dear, 'p95-latency').pass).toBe(true);
    const slow = await evaluateGate({ manifest, attempts, chain: ['slow', 'good'], baselineChain: ['primary', 'good'], replicates: 2000 });
    expect(rule(slow, 'p95-latency').pass).toBe(false);
    expect(rule(slow, 'cost-per-pass').pass).toBe(true);
  });

  it('fails on new safety failures and on a Clopper–Pearson bound above the target', async () => {
    const { manifest, attempts } = run('safety', { qualify: { max_safety_failure_rate: 0.01 } });
    const leaky = await evaluateGate({ manifest, attempts, chain: ['leaky', 'good'], replicates: 500 });
    const safety = rule(leaky, 'safety');
    expect(safety.pass).toBe(false);
    expect(safety.detail).toMatch(/new safety failures the baseline did not serve/);
    // 400 clean answers bound the rate at 0.75%, under a 1% target.
    const clean = await evaluateGate({ manifest, attempts, chain: ['primary', 'good'], replicates: 500 });
    expect(rule(clean, 'safety').pass).toBe(true);
    expect(rule(clean, 'safety').detail).toContain('0 of 400 served answers failed safety (95% upper bound 0.75%, target 1.00%)');
  });

  it('refuses a simulated run unless allowed, and runs of different datasets', async () => {
    const simulated = run('sim', { simulated: true });
    const refused = await evaluateGate({ manifest: simulated.manifest, attempts: simulated.attempts, replicates: 200 });
    expect(refused.pass).toBe(false);
    expect(refused.refused).toContain('--allow-simulated');
    const allowed = await evaluateGate({ manifest: simulated.manifest, attempts: simulated.attempts, allowSimulated: true, chain: ['primary', 'good'], replicates: 200 });
    expect(allowed.rules[0]).toMatchObject({ name: 'not-simulated', pass: true });
    const other = run('other', { casesDigest: 'another-dataset' });
    const mixed = await evaluateGate({ manifest: run().manifest, attempts: run().attempts, baseline: other, replicates: 200 });
    expect(mixed.pass).toBe(false);
    expect(rule(mixed, 'same-dataset').detail).toContain('refused: the runs replayed different cases');
  });

  it('pairs a separate baseline run on (case, repeat) and is reproducible', async () => {
    const fresh = run('fresh');
    const baseline = run('baseline');
    const first = await evaluateGate({ ...fresh, baseline, chain: ['primary', 'good'], replicates: 1000 });
    const second = await evaluateGate({ ...fresh, baseline, chain: ['primary', 'good'], replicates: 1000 });
    expect(first.baseline_chain).toEqual(['primary', 'good']);
    expect(rule(first, 'same-dataset').pass).toBe(true);
    expect(rule(first, 'chain-non-inferiority').detail).toContain('on 400 paired cases');
    expect(first.rules).toEqual(second.rules);
  });

  it('refuses to gate an incomplete run', async () => {
    const { manifest, attempts } = run();
    const result = await evaluateGate({ manifest: { ...manifest, complete: false, stopped_reason: 'interrupted' }, attempts, replicates: 200 });
    expect(result.pass).toBe(false);
    expect(result.refused).toContain('did not complete (interrupted)');
  });
});
