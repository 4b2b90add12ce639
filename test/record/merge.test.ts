import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { Attempt } from '../../src/core/types.js';
import { readAttempts } from '../../src/record/attempt-log.js';
import { mergeRuns } from '../../src/record/merge.js';
import type { RunManifest } from '../../src/record/types.js';

function makeManifest(extra: Partial<RunManifest> = {}): RunManifest {
  return {
    schema_version: 1,
    tool: { name: 'chainproof', version: '0.1.0' },
    run_id: 'demo-1',
    created_at: '2026-01-01T00:00:00.000Z',
    finished_at: '2026-01-01T00:01:00.000Z',
    complete: true,
    simulated: true,
    suite: { name: 'demo', path: 'suites/demo.suite.yaml', digest: 'suite-digest' },
    datasets: [{ path: 'datasets/demo.jsonl', digest: 'd', cases: 4 }],
    cases_digest: 'shard-digest',
    case_count: 2,
    seed: 7,
    repeat: 1,
    candidates: [{ id: 'a', provider: 'simulated', model: 'm', price_source: 'suite', simulated: true }],
    primary: 'a',
    validators: ['json-schema'],
    qualify: {},
    run_options: {},
    environment: { node: 'v20', platform: 'linux' },
    ...extra,
  };
}

function makeAttempt(caseId: string): Attempt {
  return { case_id: caseId, candidate_id: 'a', repeat: 0, status: 'ok', retries: 0, latency_ms: 1, usage: { input_tokens: 1, output_tokens: 1 }, cost_usd: 0, output: caseId, finish_reason: 'stop', warnings: [], verdicts: [] };
}

async function writeRun(root: string, name: string, manifest: RunManifest, caseIds: string[], tail = ''): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'run.json'), JSON.stringify(manifest));
  await writeFile(path.join(dir, 'attempts.jsonl'), caseIds.map((id) => JSON.stringify(makeAttempt(id)) + '\n').join('') + tail);
  return dir;
}

const shard = (index: number, count = 2) => ({ index, count, unsharded_cases_digest: 'all-digest', unsharded_case_count: 4 });

describe('mergeRuns', () => {
  it('combines shards into one record: every attempt once, the unsharded digest, complete', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'chainproof-merge-'));
    const second = await writeRun(root, 's2', makeManifest({ run_id: 'r2', shard: shard(2), created_at: '2026-01-01T00:00:05.000Z' }), ['c1', 'c3'], '{"case_id":"c9","cand');
    const first = await writeRun(root, 's1', makeManifest({ run_id: 'r1', shard: shard(1) }), ['c0', 'c2', 'c0']);
    const out = path.join(root, 'merged');
    const result = await mergeRuns({ runDirs: [second, first], outDir: out });
    expect(result).toMatchObject({ attempts: 4, duplicates: 1, tornLines: 1, missingShards: [], summarized: false });
    const ids: string[] = [];
    for await (const attempt of readAttempts(path.join(out, 'attempts.jsonl'))) ids.push(attempt.case_id);
    expect(ids).toEqual(['c0', 'c2', 'c1', 'c3']);
    const manifest = JSON.parse(await readFile(path.join(out, 'run.json'), 'utf8')) as RunManifest;
    expect(manifest).toMatchObject({ complete: true, case_count: 4, cases_digest: 'all-digest', run_id: 'r1-merged', created_at: '2026-01-01T00:00:00.000Z' });
    expect(manifest.shard).toBeUndefined();
    expect(manifest.run_options['merged_from']).toEqual(['r1', 'r2']);
    // Each shard says how many cases it took from the dataset; the merged run took both.
    expect(manifest.datasets).toEqual([{ path: 'datasets/demo.jsonl', digest: 'd', cases: 8 }]);
  });

  it('passes the merged log to the summary hook', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'chainproof-merge-'));
    const first = await writeRun(root, 's1', makeManifest({ shard: shard(1, 1) }), ['c0']);
    let seen = '';
    await mergeRuns({
      runDirs: [first],
      outDir: path.join(root, 'out'),
      recomputeSummary: async (_manifest, file) => {
        seen = file;
        return { scorecards: [], qualification: [], ranking: [], proposed_chain: [], warnings: [] };
      },
    });
    expect(seen).toBe(path.join(root, 'out', 'attempts.jsonl'));
    expect(JSON.parse(await readFile(path.join(root, 'out', 'run.json'), 'utf8')).summary.proposed_chain).toEqual([]);
  });

  it.each([
    ['suite digest', { suite: { name: 'demo', path: 'x', digest: 'other' } }],
    ['seed', { seed: 8 }],
    ['candidates', { candidates: [{ id: 'b', provider: 'simulated', model: 'm', price_source: 'suite', simulated: true }] }],
    ['shard count', { shard: { ...shard(2, 3) } }],
  ] as Array<[string, Partial<RunManifest>]>)('refuses shards with a different %s', async (what, change) => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'chainproof-merge-'));
    const first = await writeRun(root, 's1', makeManifest({ shard: shard(1) }), ['c0']);
    const other = await writeRun(root, 's2', makeManifest({ shard: shard(2), ...change }), ['c1']);
    await expect(mergeRuns({ runDirs: [first, other], outDir: path.join(root, 'out') })).rejects.toThrow(new RegExp(`different ${what}`));
  });

  it('refuses the same shard twice and marks a merge with a missing shard incomplete', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'chainproof-merge-'));
    const first = await writeRun(root, 's1', makeManifest({ shard: shard(1, 3) }), ['c0']);
    const again = await writeRun(root, 's1b', makeManifest({ shard: shard(1, 3) }), ['c0']);
    await expect(mergeRuns({ runDirs: [first, again], outDir: path.join(root, 'out') })).rejects.toThrow(/shard 1 appears twice/);
    const third = await writeRun(root, 's3', makeManifest({ shard: shard(3, 3) }), ['c2']);
    const result = await mergeRuns({ runDirs: [first, third], outDir: path.join(root, 'out') });
    expect(result.missingShards).toEqual([2]);
    expect(result.manifest).toMatchObject({ complete: false, stopped_reason: 'missing shards 2' });
  });
});

describe('chainproof merge', () => {
  function capture() {
    let text = '';
    const stream = new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) });
    return { stream, read: () => text };
  }

  it('merges from the command line and exits 0, or 2 with a message on bad input', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'chainproof-merge-'));
    await writeRun(root, 's1', makeManifest({ shard: shard(1) }), ['c0']);
    await writeRun(root, 's2', makeManifest({ shard: shard(2) }), ['c1']);
    const stdout = capture();
    const stderr = capture();
    const io = { stdout: stdout.stream, stderr: stderr.stream, env: {}, cwd: root };
    expect(await runCli(['merge', 's1', 's2', '--out', 'merged', '--json'], io)).toBe(0);
    expect(JSON.parse(stdout.read())).toMatchObject({ attempts: 2, complete: true, missing_shards: [] });
    expect(await runCli(['merge', 's1', 'nowhere', '--out', 'x'], io)).toBe(2);
    expect(stderr.read()).toMatch(/no run\.json in .*nowhere/);
    expect(await runCli(['merge', 's1'], io)).toBe(2);
    expect(stderr.read()).toMatch(/--out/);
  });
});
