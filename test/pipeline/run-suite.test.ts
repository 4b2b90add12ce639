/**
 * The pipeline in-process against the real simulator (a local HTTP server): determinism of the
 * run record for a seed, and an interrupted run that resumes to the same attempt set.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/core/types.js';
import { runSuite } from '../../src/pipeline/run-suite.js';

const root = path.resolve(import.meta.dirname, '..', '..');

function readAttemptsFile(runDir: string): Attempt[] {
  return readFileSync(path.join(runDir, 'attempts.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Attempt);
}

/** What must not change between two runs of the same suite and seed: everything but timings. */
function stable(attempts: Attempt[]): unknown[] {
  return attempts
    .map(({ latency_ms: _latency, ttft_ms: _ttft, started_at: _started, retry_errors, ...rest }) => ({
      ...rest,
      retry_errors: retry_errors?.map((entry) => entry.error),
    }))
    .sort((left, right) => `${left.case_id}/${left.candidate_id}/${left.repeat}`.localeCompare(`${right.case_id}/${right.candidate_id}/${right.repeat}`));
}

describe('runSuite on the simulator', () => {
  it('gives the same run record for the same suite and seed, whatever the arrival order', async () => {
    const options = { suitePath: 'suites/demo.suite.yaml', cwd: root, env: {}, limit: 24, noCache: true, simulatorLatencyScale: 0.05 };
    const first = await runSuite({ ...options, outDir: mkdtempSync(path.join(tmpdir(), 'cp-det-')), concurrency: 4 });
    const second = await runSuite({ ...options, outDir: mkdtempSync(path.join(tmpdir(), 'cp-det-')), concurrency: 32 });
    expect(first.exitCode).toBe(0);
    const firstAttempts = readAttemptsFile(first.runDir);
    expect(firstAttempts).toHaveLength(24 * 4);
    expect(firstAttempts.every((attempt) => attempt.simulated)).toBe(true);
    expect(stable(readAttemptsFile(second.runDir))).toEqual(stable(firstAttempts));
    expect(second.record.summary.qualification.map((entry) => entry.status)).toEqual(first.record.summary.qualification.map((entry) => entry.status));
    const other = await runSuite({ ...options, outDir: mkdtempSync(path.join(tmpdir(), 'cp-det-')), seed: 8 });
    expect(stable(readAttemptsFile(other.runDir))).not.toEqual(stable(firstAttempts));
  }, 60_000);

  it('stops on an interrupt with exit 3, a run.json marked incomplete, and resumes to the full set', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'cp-int-'));
    const controller = new AbortController();
    let seen = 0;
    const interrupted = await runSuite({
      suitePath: 'suites/demo.suite.yaml',
      cwd: root,
      env: {},
      outDir,
      limit: 30,
      noCache: true,
      simulatorLatencyScale: 0.05,
      concurrency: 4,
      signal: controller.signal,
      onProgress: (progress) => {
        seen = progress.done;
        if (progress.done >= 20) controller.abort(new Error('SIGINT'));
      },
    });
    expect(seen).toBeGreaterThanOrEqual(20);
    expect(interrupted.exitCode).toBe(3);
    expect(interrupted.record.complete).toBe(false);
    expect(interrupted.record.stopped_reason).toBe('interrupted');
    const partial = readAttemptsFile(interrupted.runDir).length;
    expect(partial).toBeLessThan(120);

    const resumed = await runSuite({ suitePath: 'suites/demo.suite.yaml', cwd: root, env: {}, limit: 30, noCache: true, simulatorLatencyScale: 0.05, resume: interrupted.runDir });
    expect(resumed.exitCode).toBe(0);
    expect(resumed.record.complete).toBe(true);
    expect(resumed.outcome.skipped).toBe(partial);
    const keys = readAttemptsFile(interrupted.runDir).map((attempt) => `${attempt.case_id}/${attempt.candidate_id}/${attempt.repeat}`);
    expect(keys).toHaveLength(120);
    expect(new Set(keys).size).toBe(120);
  }, 60_000);

  it('replays cached answers only for the same simulator seed', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'cp-cache-'));
    const options = { suitePath: 'suites/demo.suite.yaml', cwd: root, env: {}, limit: 6, simulatorLatencyScale: 0.05, cacheDir };
    const first = await runSuite({ ...options, outDir: mkdtempSync(path.join(tmpdir(), 'cp-c1-')) });
    expect(first.outcome.cacheHits).toBe(0);
    const again = await runSuite({ ...options, outDir: mkdtempSync(path.join(tmpdir(), 'cp-c2-')) });
    expect(again.outcome.cacheHits).toBe(24);
    expect(again.outcome.calls).toBe(0);
    const otherSeed = await runSuite({ ...options, seed: 99, outDir: mkdtempSync(path.join(tmpdir(), 'cp-c3-')) });
    expect(otherSeed.outcome.cacheHits).toBe(0);
  }, 60_000);

  it('refuses to resume with a different limit', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'cp-res-'));
    const first = await runSuite({ suitePath: 'suites/demo.suite.yaml', cwd: root, env: {}, outDir, limit: 5, noCache: true, simulatorLatencyScale: 0.05 });
    await expect(runSuite({ suitePath: 'suites/demo.suite.yaml', cwd: root, env: {}, limit: 6, resume: first.runDir })).rejects.toThrow(/not the same run/);
  }, 60_000);
});

describe('runSuite exit code', () => {
  it('is 1 when the primary of the production chain breaks a hard rule (here: it fails every request)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-broken-primary-'));
    const cases = Array.from({ length: 6 }, (_, index) => JSON.stringify({ id: `c${index}`, request: { messages: [{ role: 'user', content: `question ${index}` }] } }));
    writeFileSync(path.join(dir, 'cases.jsonl'), cases.join('\n') + '\n');
    writeFileSync(
      path.join(dir, 'suite.yaml'),
      [
        'name: broken-primary',
        'datasets: [{path: cases.jsonl}]',
        'candidates:',
        '  - {id: down, provider: simulated, protocol: openai, model: sim-down, simulate: {quality: 1, errors: {server_error: 1}}}',
        '  - {id: up, provider: simulated, protocol: openai, model: sim-up, simulate: {quality: 1}}',
        'baseline_chain: [down, up]',
        'run: {retries: 0}',
        'validators: [safety]',
      ].join('\n'),
    );
    const result = await runSuite({ suitePath: 'suite.yaml', cwd: dir, env: {}, noCache: true, simulatorLatencyScale: 0.05, outDir: path.join(dir, 'reports') });
    const primary = result.record.summary.qualification.find((entry) => entry.candidate_id === 'down')!;
    expect(primary.status).toBe('primary');
    expect(primary.broken_rules?.length).toBeGreaterThan(0);
    expect(result.exitCode).toBe(1);
  }, 30_000);
});
