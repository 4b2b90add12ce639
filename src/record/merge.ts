/**
 * `chainproof merge`: shard runs (`--shard I/N` on a CI matrix) combined into one run directory.
 * Only shards of one run can merge: same suite digest, seed, repeat and candidates; shard counts
 * agree and no index appears twice. Attempt logs are streamed and deduplicated by (case, candidate,
 * repeat). The summary needs scoring, passed in as `recomputeSummary`.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { UserInputError } from '../core/errors.js';
import type { RunSummary } from '../scoring/types.js';
import { readAttempts, toAttemptKey } from './attempt-log.js';
import type { RunManifest, RunRecordFile } from './types.js';
import { writeFileAtomic } from './write-run.js';

/** Scores the merged attempts. Wired to scoring by the command; absent, run.json has no summary. */
export type RecomputeSummary = (manifest: RunManifest, attemptsFile: string) => Promise<RunSummary>;

export interface MergeRunsOptions {
  runDirs: string[];
  outDir: string;
  recomputeSummary?: RecomputeSummary;
}

export interface MergeResult {
  manifest: RunManifest;
  attempts: number;
  duplicates: number;
  tornLines: number;
  /** Shard indices (1-based) no input covered: the merged run is incomplete. */
  missingShards: number[];
  summarized: boolean;
}

interface LoadedRun {
  dir: string;
  manifest: RunManifest;
}

export async function mergeRuns(options: MergeRunsOptions): Promise<MergeResult> {
  if (options.runDirs.length === 0) throw new UserInputError('merge needs at least one run directory');
  const runs = await Promise.all(options.runDirs.map(loadRun));
  checkCompatible(runs);
  runs.sort((a, b) => (a.manifest.shard?.index ?? 0) - (b.manifest.shard?.index ?? 0));
  const missingShards = findMissingShards(runs);

  await mkdir(options.outDir, { recursive: true });
  const attemptsFile = path.join(options.outDir, 'attempts.jsonl');
  const output = createWriteStream(attemptsFile, { flags: 'w' });
  const keys = new Set<string>();
  let attempts = 0;
  let duplicates = 0;
  let tornLines = 0;
  for (const run of runs) {
    const source = path.join(run.dir, 'attempts.jsonl');
    for await (const attempt of readAttempts(source, { onTornLine: () => (tornLines += 1) })) {
      const key = toAttemptKey(attempt.case_id, attempt.candidate_id, attempt.repeat);
      if (keys.has(key)) {
        duplicates += 1;
        continue;
      }
      keys.add(key);
      attempts += 1;
      if (!output.write(`${JSON.stringify(attempt)}\n`)) await once(output, 'drain');
    }
  }
  output.end();
  await once(output, 'finish');

  const manifest = buildMergedManifest(runs, missingShards);
  const record: RunManifest | RunRecordFile = options.recomputeSummary
    ? { ...manifest, summary: await options.recomputeSummary(manifest, attemptsFile) }
    : manifest;
  await writeFileAtomic(path.join(options.outDir, 'run.json'), JSON.stringify(record, null, 2) + '\n');
  return { manifest, attempts, duplicates, tornLines, missingShards, summarized: Boolean(options.recomputeSummary) };
}

async function loadRun(dir: string): Promise<LoadedRun> {
  const file = path.join(dir, 'run.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserInputError(`no run.json in ${dir}`, { location: { file }, hint: 'Pass run directories written by `chainproof run` (reports/<run-id>/).' });
  }
  try {
    return { dir, manifest: JSON.parse(text) as RunManifest };
  } catch (error) {
    throw new UserInputError(`run.json is not valid JSON: ${(error as Error).message}`, { location: { file } });
  }
}

function describeRun(run: LoadedRun): string {
  const shard = run.manifest.shard ? ` (shard ${run.manifest.shard.index}/${run.manifest.shard.count})` : '';
  return `${run.dir}${shard}`;
}

function checkCompatible(runs: LoadedRun[]): void {
  const first = runs[0]!;
  const candidatesOf = (run: LoadedRun) => run.manifest.candidates.map((candidate) => `${candidate.id}=${candidate.provider}/${candidate.model}`).join(',');
  const checks: Array<[string, (run: LoadedRun) => unknown]> = [
    ['suite digest', (run) => run.manifest.suite.digest],
    ['seed', (run) => run.manifest.seed],
    ['repeat', (run) => run.manifest.repeat],
    ['candidates', candidatesOf],
    ['shard count', (run) => run.manifest.shard?.count ?? 1],
    ['cases before sharding', (run) => run.manifest.shard?.unsharded_cases_digest ?? (run.manifest.shard ? undefined : run.manifest.cases_digest)],
  ];
  for (const run of runs.slice(1)) {
    for (const [what, read] of checks) {
      if (read(run) !== read(first)) {
        throw new UserInputError(`cannot merge runs with a different ${what}: ${describeRun(first)} has ${String(read(first))}, ${describeRun(run)} has ${String(read(run))}`, {
          hint: 'Merge only the shards of one run: the same suite file, seed, repeat and candidates, each with --shard I/N.',
        });
      }
    }
  }
  const seen = new Map<number, string>();
  for (const run of runs) {
    const index = run.manifest.shard?.index;
    if (index === undefined) continue;
    if (seen.has(index)) throw new UserInputError(`shard ${index} appears twice: ${seen.get(index)} and ${run.dir}`);
    seen.set(index, run.dir);
  }
}

function findMissingShards(runs: LoadedRun[]): number[] {
  const count = runs[0]!.manifest.shard?.count;
  if (count === undefined) return [];
  const present = new Set(runs.map((run) => run.manifest.shard?.index));
  return Array.from({ length: count }, (_, index) => index + 1).filter((index) => !present.has(index));
}

function buildMergedManifest(runs: LoadedRun[], missingShards: number[]): RunManifest {
  const base = runs[0]!.manifest;
  const manifests = runs.map((run) => run.manifest);
  const finished = manifests.map((manifest) => manifest.finished_at).filter((value): value is string => Boolean(value)).sort();
  const stopped = manifests.map((manifest) => manifest.stopped_reason).find(Boolean);
  const sharded = base.shard !== undefined;
  const { shard: _shard, ...rest } = base;
  const merged: RunManifest = {
    ...rest,
    run_id: `${base.run_id}-merged`,
    created_at: manifests.map((manifest) => manifest.created_at).sort()[0]!,
    complete: manifests.every((manifest) => manifest.complete) && missingShards.length === 0,
    simulated: manifests.some((manifest) => manifest.simulated),
    case_count: sharded ? (base.shard?.unsharded_case_count ?? sum(manifests.map((manifest) => manifest.case_count))) : base.case_count,
    cases_digest: sharded ? (base.shard?.unsharded_cases_digest ?? base.cases_digest) : base.cases_digest,
    datasets: sharded ? sumDatasetCases(manifests) : base.datasets,
    run_options: { ...base.run_options, merged_from: manifests.map((manifest) => manifest.run_id) },
  };
  if (finished.length > 0) merged.finished_at = finished.at(-1)!;
  else delete merged.finished_at;
  if (stopped) merged.stopped_reason = stopped;
  else if (missingShards.length > 0) merged.stopped_reason = `missing shards ${missingShards.join(', ')}`;
  return merged;
}

/** Each shard records the cases it took from each dataset; the merged run took their sum. */
function sumDatasetCases(manifests: RunManifest[]): RunManifest['datasets'] {
  const merged = new Map<string, RunManifest['datasets'][number]>();
  for (const manifest of manifests) {
    for (const dataset of manifest.datasets) {
      const entry = merged.get(dataset.path);
      if (entry) entry.cases += dataset.cases;
      else merged.set(dataset.path, { ...dataset });
    }
  }
  return [...merged.values()];
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
