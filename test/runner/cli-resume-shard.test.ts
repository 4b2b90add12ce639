/**
 * The built CLI end to end: `chainproof run` killed with SIGKILL while it writes attempts, then
 * `--resume`, gives exactly the attempt set of an uninterrupted run; three `--shard I/3` runs
 * merged with `chainproof merge` give the attempts and scores of the unsharded run.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAttempts } from '../../src/record/attempt-log.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'bin', 'chainproof.js');
const built = existsSync(path.join(root, 'dist', 'cli', 'main.js'));
if (!built) console.warn('CLI resume/shard tests skipped: dist/ is missing, run `npm run build` first');

const CASES = 40;

/** The first CASES demo cases as the suite's own dataset (no --limit: it applies after --shard). */
async function writeSuite(directory: string): Promise<string> {
  const lines = (await readFile(path.join(root, 'datasets', 'demo.jsonl'), 'utf8')).split('\n').filter(Boolean).slice(0, CASES);
  await writeFile(path.join(directory, 'cases.jsonl'), lines.join('\n') + '\n');
  const suite = `name: resume-check
datasets:
  - path: cases.jsonl
candidates:
  - id: steady
    provider: simulated
    model: steady-sim
    price: { input_per_mtok: 1, output_per_mtok: 2 }
    simulate: { quality: 0.9, latency_ms: { p50: 4, p95: 12 }, errors: { server_error: 0.04 }, seed: 1 }
  - id: shaky
    provider: simulated
    model: shaky-sim
    price: { input_per_mtok: 0.5, output_per_mtok: 1 }
    simulate: { quality: 0.7, latency_ms: { p50: 6, p95: 20 }, errors: { overloaded: 0.06 }, seed: 2 }
validators: [json-schema]
run: { concurrency: 8, retries: 2, timeout_ms: 2000, repeat: 2, cache: false }
`;
  const file = path.join(directory, 'resume.suite.yaml');
  await writeFile(file, suite);
  return file;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function chainproof(args: string[], cwd: string, killWhenGrows?: { dir: string; extraMs: number }): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let done = false;
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    if (killWhenGrows) {
      const poll = setInterval(async () => {
        if (done) return clearInterval(poll);
        const file = await findAttemptsFile(killWhenGrows.dir);
        if (file && statSync(file).size > 0) {
          clearInterval(poll);
          setTimeout(() => !done && child.kill('SIGKILL'), killWhenGrows.extraMs);
        }
      }, 2);
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal, stdout, stderr });
    });
  });
}

async function findAttemptsFile(outDir: string): Promise<string | undefined> {
  const entries = await readdir(outDir).catch(() => [] as string[]);
  const runs = entries.filter((entry) => existsSync(path.join(outDir, entry, 'attempts.jsonl')));
  return runs[0] ? path.join(outDir, runs[0], 'attempts.jsonl') : undefined;
}

/** What must not depend on timing: identity, outcome, answer, retries and their error kinds. */
async function readOutcomes(runDir: string): Promise<Map<string, string>> {
  const outcomes = new Map<string, string>();
  for await (const attempt of readAttempts(path.join(runDir, 'attempts.jsonl'))) {
    const key = `${attempt.case_id}|${attempt.candidate_id}|${attempt.repeat}`;
    expect(outcomes.has(key), `${key} written twice`).toBe(false);
    const retries = (attempt.retry_errors ?? []).map((entry) => entry.error.kind).join(',');
    outcomes.set(key, JSON.stringify([attempt.status, attempt.error?.kind ?? '', attempt.output, retries, attempt.verdicts.map((verdict) => verdict.pass)]));
  }
  return outcomes;
}

async function runToDir(args: string[], cwd: string): Promise<string> {
  const result = await chainproof([...args, '--json', '--quiet'], cwd);
  expect(result.code, result.stderr).not.toBe(3);
  expect(result.signal).toBeNull();
  return (JSON.parse(result.stdout) as { run_dir: string }).run_dir;
}

describe.skipIf(!built)('chainproof run: kill -9, resume, shards', () => {
  it('a run killed with SIGKILL and resumed has exactly the attempts of an uninterrupted run', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'cp-resume-'));
    const suite = await writeSuite(directory);
    const reference = await readOutcomes(await runToDir(['run', suite, '--out', path.join(directory, 'reference')], directory));
    expect(reference.size).toBe(CASES * 2 * 2);

    const out = path.join(directory, 'killed');
    const killed = await chainproof(['run', suite, '--out', out, '--quiet'], directory, { dir: out, extraMs: 15 });
    expect(killed.signal).toBe('SIGKILL');
    const attemptsFile = (await findAttemptsFile(out))!;
    const runDir = path.dirname(attemptsFile);
    let partial = 0;
    for await (const _attempt of readAttempts(attemptsFile)) partial += 1;
    expect(partial).toBeLessThan(reference.size);

    for (let round = 0; round < 3; round += 1) {
      const again = await chainproof(['run', suite, '--resume', runDir, '--quiet'], directory, { dir: out, extraMs: 5 + round * 10 });
      if (again.signal !== 'SIGKILL') break;
    }
    const resumed = await chainproof(['run', suite, '--resume', runDir, '--json', '--quiet'], directory);
    expect([0, 1], resumed.stderr).toContain(resumed.code);
    expect(await readOutcomes(runDir)).toEqual(reference);
    const record = JSON.parse(await readFile(path.join(runDir, 'run.json'), 'utf8'));
    expect(record.complete).toBe(true);
  }, 120_000);

  it('three shards merged equal the unsharded run', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'cp-shard-'));
    const suite = await writeSuite(directory);
    const wholeDir = await runToDir(['run', suite, '--out', path.join(directory, 'whole')], directory);
    const shardDirs: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      shardDirs.push(await runToDir(['run', suite, '--shard', shard, '--out', path.join(directory, 'shards')], directory));
    }
    const merged = path.join(directory, 'merged');
    const result = await chainproof(['merge', ...shardDirs, '--out', merged, '--json'], directory);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ attempts: CASES * 4, duplicates: 0, complete: true });
    expect(await readOutcomes(merged)).toEqual(await readOutcomes(wholeDir));
    const whole = JSON.parse(await readFile(path.join(wholeDir, 'run.json'), 'utf8'));
    const combined = JSON.parse(await readFile(path.join(merged, 'run.json'), 'utf8'));
    expect(combined.case_count).toBe(whole.case_count);
    const passOf = (record: { summary: { scorecards: Array<{ candidate_id: string; pass: { k: number; n: number }; errors_by_kind: Record<string, number> }> } }) =>
      record.summary.scorecards.map((card) => [card.candidate_id, card.pass.k, card.pass.n, card.errors_by_kind]);
    expect(passOf(combined)).toEqual(passOf(whole));
    expect(combined.summary.ranking.map((entry: { candidate_id: string }) => entry.candidate_id)).toEqual(whole.summary.ranking.map((entry: { candidate_id: string }) => entry.candidate_id));
  }, 120_000);
});
