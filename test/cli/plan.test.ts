import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

async function runPlan(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  const code = await runCli(['plan', ...argv], { stdout, stderr, env: {}, cwd: process.cwd() });
  return { code, stdout: out, stderr: err };
}

describe('chainproof plan', () => {
  it('turns ψ and M into a case count (STATS.md: ψ = 0.10, M = 3 points → ~690)', async () => {
    const { code, stdout } = await runPlan(['--disagreement', '0.10', '--margin', '0.03']);
    expect(code).toBe(0);
    expect(stdout).toContain('Cases needed: 687');
    expect(stdout).toContain('no worse than the primary by more than 3.0 points (one-sided 95%, 80% power)');
  });

  it('prints 0, not -0, for a disagreement rate of 0', async () => {
    const { code, stdout } = await runPlan(['--disagreement', '0', '--margin', '0.03']);
    expect(code).toBe(0);
    expect(stdout).toContain('Cases needed: 0\n');
  });

  it('accepts percentages, a power and a run size, and prints JSON', async () => {
    const { code, stdout } = await runPlan(['--disagreement', '10%', '--margin', '5%', '--power', '0.8', '--cases', '1000', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as Record<string, number>;
    expect(parsed.cases_needed).toBe(248);
    expect(parsed.mde_at_cases! * 100).toBeCloseTo(2.8, 1);
    const higherPower = JSON.parse((await runPlan(['--disagreement', '0.1', '--margin', '0.05', '--power', '0.9', '--json'])).stdout) as Record<string, number>;
    expect(higherPower.cases_needed).toBeGreaterThan(248);
  });

  it('refuses an ambiguous or missing margin with exit 2 and a hint', async () => {
    const ambiguous = await runPlan(['--disagreement', '0.1', '--margin', '3']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('--margin must be a rate above 0 and below 1, got "3"');
    expect(ambiguous.stderr).toContain('(3%)');
    const missing = await runPlan(['--margin', '0.03']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--disagreement is required');
  });
});
