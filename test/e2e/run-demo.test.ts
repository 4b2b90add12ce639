/**
 * Spawns the built CLI (`npm run build` output, as a user's `npx chainproof` would run it) on the
 * demo suite and checks what a user sees: the exit code, the files and the ranking.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const bin = path.join(root, 'bin', 'chainproof.js');

async function chainproof(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js'))) await run('npm', ['run', 'build'], { cwd: root });
}, 120_000);

describe('chainproof run (built CLI)', () => {
  it('runs the demo suite on the simulator and writes the run directory', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cp-e2e-'));
    const result = await chainproof(['run', 'suites/demo.suite.yaml', '--limit', '60', '--out', out, '--no-cache', '--json']);
    expect(result.stderr).not.toMatch(/Error:|at .*\.js:\d+/);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { run_dir: string; exit_code: number };
    expect(summary.exit_code).toBe(0);
    const runDir = summary.run_dir;
    expect(path.dirname(runDir)).toBe(out);
    for (const file of ['run.json', 'attempts.jsonl', 'report.md', 'report.html', 'junit.xml', 'chain.json']) {
      expect(existsSync(path.join(runDir, file)), file).toBe(true);
    }
    const record = JSON.parse(readFileSync(path.join(runDir, 'run.json'), 'utf8'));
    expect(record.simulated).toBe(true);
    expect(record.complete).toBe(true);
    expect(record.case_count).toBe(60);
    const attempts = readFileSync(path.join(runDir, 'attempts.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(attempts).toHaveLength(60 * 4);
    const keys = new Set(attempts.map((attempt) => `${attempt.case_id}/${attempt.candidate_id}/${attempt.repeat}`));
    expect(keys.size).toBe(240);
    // Ranking: every candidate once, the primary first, the weak candidate not qualified with reasons.
    const ranking = record.summary.ranking as Array<{ candidate_id: string; qualified: boolean; status: string; reasons: string[] }>;
    expect(ranking.map((entry) => entry.candidate_id).sort()).toEqual(['deepseek', 'flash-mini', 'gpt4o', 'sonnet']);
    expect(ranking[0]!.candidate_id).toBe('sonnet');
    const weak = ranking.find((entry) => entry.candidate_id === 'flash-mini')!;
    expect(weak.qualified).toBe(false);
    expect(weak.reasons.join(' ')).toMatch(/worse|disqualified|safety|margin/);
    expect(ranking.indexOf(weak)).toBeGreaterThan(ranking.findLastIndex((entry) => entry.qualified));
    expect(readFileSync(path.join(runDir, 'report.md'), 'utf8')).toMatch(/simulated/i);
  }, 120_000);

  it('prints the ranking table and labels the run simulated', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cp-e2e-'));
    const result = await chainproof(['run', 'suites/demo.suite.yaml', '--limit', '20', '--out', out, '--quiet', '--no-cache']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/SIMULATED/);
    for (const id of ['sonnet', 'gpt4o', 'deepseek', 'flash-mini']) expect(result.stdout).toContain(id);
    expect(result.stdout).toContain('run record:');
  }, 120_000);

  it('exits 2 naming file, line and key for a misspelled key, before any call', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-e2e-'));
    const suite = readFileSync(path.join(root, 'suites', 'demo.suite.yaml'), 'utf8')
      .replace('../datasets/demo.jsonl', path.join(root, 'datasets', 'demo.jsonl'))
      .replace(/^  concurrency:/m, '  concurrancy:');
    writeFileSync(path.join(dir, 'bad.suite.yaml'), suite);
    const line = suite.split('\n').findIndex((text) => text.includes('concurrancy')) + 1;
    const result = await chainproof(['run', 'bad.suite.yaml', '--out', path.join(dir, 'reports')], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`bad.suite.yaml:${line}:3 run.concurrancy: unknown key "concurrancy"`);
    expect(result.stderr).toContain('Did you mean "concurrency"?');
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
  }, 60_000);

  it('exits 2 naming the variables when API keys are missing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-e2e-'));
    writeFileSync(path.join(dir, 'cases.jsonl'), JSON.stringify({ id: 'a', request: { messages: [{ role: 'user', content: 'hi' }] } }) + '\n');
    writeFileSync(
      path.join(dir, 'real.suite.yaml'),
      'name: real\ndatasets: [{path: cases.jsonl}]\ncandidates:\n  - {id: a, provider: anthropic, model: claude-sonnet-4-5, api_key_env: CP_TEST_MISSING_KEY}\n',
    );
    const result = await chainproof(['run', 'real.suite.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing API key: CP_TEST_MISSING_KEY');
    expect(result.stderr).toContain('candidate "a" reads CP_TEST_MISSING_KEY');
  }, 60_000);

  it('prints help for every command and exits 2 on an unknown one', async () => {
    const help = await chainproof(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['run', 'report', 'gate', 'export', 'score', 'merge', 'sim', 'init']) expect(help.stdout).toContain(name);
    const runHelp = await chainproof(['run', '--help']);
    expect(runHelp.stdout).toContain('--concurrency N');
    expect(runHelp.stdout).toContain('(default: reports)');
    const unknown = await chainproof(['rnu']);
    expect(unknown.code).toBe(2);
  }, 60_000);
});
