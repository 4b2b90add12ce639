/**
 * One qualification run, end to end: prepare (exit 2 on any input problem, nothing spent) →
 * start the simulator when a candidate is simulated → replay cases × candidates × repeats through
 * the runner into attempts.jsonl → summarize → run.json and the derived files. Everything after
 * the attempt log is a pure function of the run record.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Dispatcher } from 'undici';
import { UserInputError } from '../core/errors.js';
import { openAttemptLog, indexAttemptLog, toAttemptKey } from '../record/attempt-log.js';
import { ATTEMPTS_FILE, readRunAttempts } from '../record/read-run.js';
import { RECORD_SCHEMA_VERSION, type CandidateSummary, type RunManifest, type RunRecordFile } from '../record/types.js';
import { createRunId, writeRunRecord } from '../record/write-run.js';
import { createModelClient, findPriceSource, findTablePrice } from '../providers/index.js';
import { createDiskCache, executeRun, type RunOutcome, type RunProgress } from '../runner/index.js';
import { startSimulator } from '../simulator/index.js';
import type { RunningSimulator } from '../simulator/types.js';
import { prepareRun, type PreparedRun, type RunOverrides } from './prepare-run.js';
import { TOOL_VERSION } from './version.js';

export interface RunSuiteOptions extends RunOverrides {
  suitePath: string;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Parent directory of run directories (default `<cwd>/reports`). */
  outDir?: string;
  /** Continue the run in this directory: only missing attempts are run. */
  resume?: string;
  signal?: AbortSignal;
  onProgress?(progress: RunProgress): void;
  /** Called once the run directory exists (before any call), e.g. to print where it is. */
  onStart?(info: { runDir: string; prepared: PreparedRun; totalAttempts: number; skipped: number }): void;
  /** undici dispatcher for every model call (tests). */
  dispatcher?: Dispatcher;
  /** Multiplies simulated latencies (benches); 1 by default. */
  simulatorLatencyScale?: number;
  /** Directory of the response cache (default `<cwd>/.chainproof-cache`). */
  cacheDir?: string;
  /**
   * Called between phases (after the replay, after the summary). The CLI collects garbage there:
   * each phase's garbage is then gone before the next one sizes the heap.
   */
  onPhaseEnd?(phase: 'prepare' | 'replay' | 'summary'): void;
}

export interface RunSuiteResult {
  runDir: string;
  record: RunRecordFile;
  outcome: RunOutcome;
  exitCode: number;
}

export async function runSuite(options: RunSuiteOptions): Promise<RunSuiteResult> {
  const resumeManifest = options.resume ? await readResumeManifest(options.resume) : undefined;
  const prepared = await prepareRun(options.suitePath, options.cwd, options.env, {
    ...options,
    ...(resumeManifest?.shard ? { shard: resumeManifest.shard } : {}),
  });
  const { suite } = prepared;
  options.onPhaseEnd?.('prepare');
  const runDir = options.resume
    ? path.resolve(options.cwd, options.resume)
    : path.join(path.resolve(options.cwd, options.outDir ?? 'reports'), createRunId(suite.name));
  await mkdir(runDir, { recursive: true });

  const manifest = buildManifest(prepared, runDir, options, resumeManifest);
  if (resumeManifest) checkResumable(resumeManifest, manifest, runDir);
  const attemptsFile = path.join(runDir, ATTEMPTS_FILE);
  const done = await indexAttemptLog(attemptsFile);
  const totalAttempts = prepared.cases.count * suite.candidates.length * suite.run.repeat;
  await writeRunRecord(runDir, { ...manifest, summary: emptySummary() });
  options.onStart?.({ runDir, prepared, totalAttempts, skipped: done.keys.size });

  const cache = suite.run.cache ? createDiskCache(options.cacheDir ?? path.join(options.cwd, '.chainproof-cache')) : undefined;
  if (cache) prepared.judgeCache.cache = cache;
  let simulator: RunningSimulator | undefined;
  const log = await openAttemptLog(attemptsFile);
  let outcome: RunOutcome;
  try {
    simulator = prepared.simulated ? await startSimulatorFor(prepared, options.simulatorLatencyScale) : undefined;
    const candidates = suite.candidates.map((config) => {
      const protocol = config.protocol ?? 'openai';
      const client = createModelClient(config, {
        env: options.env,
        stream: suite.run.stream,
        ...(simulator && config.provider === 'simulated' ? { baseUrl: simulator.baseUrls[protocol] } : {}),
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
      prepared.judgeClients.set(config.id, client);
      const price = config.price ?? findTablePrice(config.model);
      return price ? { config, client, price } : { config, client };
    });
    outcome = await executeRun({
      cases: prepared.cases.open(),
      candidates,
      repeat: suite.run.repeat,
      concurrency: suite.run.concurrency,
      retries: suite.run.retries,
      timeoutMs: suite.run.timeout_ms,
      ...(suite.run.ttft_timeout_ms !== undefined ? { ttftTimeoutMs: suite.run.ttft_timeout_ms } : {}),
      stream: suite.run.stream,
      ...(suite.run.budget_usd !== undefined ? { budgetUsd: suite.run.budget_usd - (resumeManifest ? await spentSoFar(runDir) : 0) } : {}),
      validators: prepared.validators,
      sink: log,
      isDone: (caseId, candidateId, repeat) => done.keys.has(toAttemptKey(caseId, candidateId, repeat)),
      ...(cache ? { cache } : {}),
      // Simulated answers depend on the seed and on the simulator's scripts (this version's):
      // a run with another seed or another chainproof must not replay them.
      ...(prepared.simulated ? { cacheSalt: `sim-seed:${suite.run.seed}:chainproof-${TOOL_VERSION}` } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      totalAttempts,
    });
  } finally {
    await log.close();
    await simulator?.close();
  }

  const finished: RunManifest = {
    ...manifest,
    complete: outcome.stoppedReason === undefined,
    finished_at: new Date().toISOString(),
    ...(outcome.stoppedReason ? { stopped_reason: outcome.stoppedReason } : {}),
  };
  options.onPhaseEnd?.('replay');
  const record = await summarizeRecord(runDir, finished, prepared);
  await writeRunRecord(runDir, record);
  options.onPhaseEnd?.('summary');
  // Reports and exports load after the replay: none of their modules weighs on the run's memory.
  const { writeDerivedFiles } = await import('../reporters/write-derived-files.js');
  await writeDerivedFiles(runDir, record, undefined, { env: options.env });
  return { runDir, record, outcome, exitCode: exitCodeFor(record, outcome) };
}

/**
 * DESIGN.md §6: 3 when interrupted (resumable); 1 when the budget stopped the run or a member of
 * the production chain (`baseline_chain`) is shown worse than the primary or breaks a hard rule;
 * else 0. "Not enough evidence" is not a failure of the run: the report says how many cases
 * would settle it, and `chainproof gate` is the strict check for CI.
 */
export function exitCodeFor(record: RunRecordFile, outcome: Pick<RunOutcome, 'stoppedReason'>): number {
  if (outcome.stoppedReason === 'interrupted') return 3;
  if (outcome.stoppedReason === 'budget') return 1;
  // The primary stays the reference whatever it scores, but one that breaks a hard rule (e.g. it
  // failed every request) fails the production chain like any other member.
  const failing = new Set(
    record.summary.qualification
      .filter((entry) => entry.status === 'worse' || entry.status === 'disqualified' || (entry.broken_rules?.length ?? 0) > 0)
      .map((entry) => entry.candidate_id),
  );
  if (record.baseline_chain?.some((id) => failing.has(id))) return 1;
  return 0;
}

export async function summarizeRecord(runDir: string, manifest: RunManifest, prepared: Pick<PreparedRun, 'cases'>): Promise<RunRecordFile> {
  const caseTags = new Map<string, string[]>();
  const caseClusters = new Map<string, string>();
  for await (const testCase of prepared.cases.open()) {
    caseTags.set(testCase.id, testCase.tags);
    if (testCase.cluster !== undefined) caseClusters.set(testCase.id, testCase.cluster);
  }
  const { summarizeRun } = await import('../scoring/index.js');
  const summary = await summarizeRun(manifest, readRunAttempts(runDir), { caseTags, caseClusters });
  return { ...manifest, summary };
}

function buildManifest(prepared: PreparedRun, runDir: string, options: RunSuiteOptions, previous: RunManifest | undefined): RunManifest {
  const { suite, loaded, cases } = prepared;
  const manifest: RunManifest = {
    schema_version: RECORD_SCHEMA_VERSION,
    tool: { name: 'chainproof', version: TOOL_VERSION },
    run_id: previous?.run_id ?? path.basename(runDir),
    created_at: previous?.created_at ?? new Date().toISOString(),
    complete: false,
    simulated: prepared.simulated,
    suite: { name: suite.name, path: path.relative(options.cwd, loaded.absolutePath) || loaded.file, digest: loaded.digest },
    datasets: cases.datasets.map((dataset) => ({ path: dataset.path, digest: dataset.digest, cases: dataset.selected })),
    cases_digest: cases.casesDigest,
    case_count: cases.count,
    seed: suite.run.seed,
    repeat: suite.run.repeat,
    candidates: suite.candidates.map(summarizeCandidate),
    primary: prepared.primary,
    validators: suite.validators.map((ref) => (typeof ref === 'string' ? ref : Object.keys(ref)[0]!)),
    qualify: suite.qualify,
    run_options: { ...suite.run },
    environment: { node: process.version, platform: `${process.platform}-${process.arch}` },
  };
  const shard = options.shard ?? previous?.shard;
  if (shard) {
    manifest.shard = {
      index: shard.index,
      count: shard.count,
      unsharded_cases_digest: cases.unselected.casesDigest,
      unsharded_case_count: cases.unselected.count,
    };
  }
  if (suite.baseline_chain) manifest.baseline_chain = suite.baseline_chain;
  return manifest;
}

function summarizeCandidate(config: PreparedRun['suite']['candidates'][number]): CandidateSummary {
  const tablePrice = config.price ? undefined : findTablePrice(config.model);
  const summary: CandidateSummary = {
    id: config.id,
    provider: config.provider,
    model: config.model,
    price_source: findPriceSource(config),
    simulated: config.provider === 'simulated',
  };
  if (config.protocol) summary.protocol = config.protocol;
  if (config.base_url) summary.base_url = config.base_url;
  if (config.api_key_env) summary.api_key_env = config.api_key_env;
  if (config.params) summary.params = config.params;
  const price = config.price ?? tablePrice;
  if (price) summary.price = price;
  if (config.infra) summary.infra = config.infra;
  if (config.timeout_ms) summary.timeout_ms = config.timeout_ms;
  return summary;
}

async function startSimulatorFor(prepared: PreparedRun, latencyScale = 1): Promise<RunningSimulator> {
  return startSimulator({ models: prepared.simulatedModels, seed: prepared.suite.run.seed, latencyScale });
}

async function readResumeManifest(runDir: string): Promise<RunManifest> {
  const file = path.join(runDir, 'run.json');
  const exists = await stat(file).then(() => true, () => false);
  if (!exists) {
    throw new UserInputError(`cannot resume: no run.json in ${runDir}`, { hint: 'Pass the directory of the interrupted run (reports/<run-id>/).' });
  }
  return JSON.parse(await readFile(file, 'utf8')) as RunManifest;
}

function checkResumable(previous: RunManifest, next: RunManifest, runDir: string): void {
  const problems: string[] = [];
  if (previous.suite.digest !== next.suite.digest) problems.push('the suite file changed since the run started');
  if (previous.cases_digest !== next.cases_digest) problems.push('the selected cases differ (dataset, --limit or --shard changed)');
  if (previous.seed !== next.seed) problems.push(`the seed differs (${previous.seed} → ${next.seed})`);
  if (previous.repeat !== next.repeat) problems.push(`--repeat differs (${previous.repeat} → ${next.repeat})`);
  if (problems.length > 0) {
    throw new UserInputError(`cannot resume ${runDir}: it is not the same run`, {
      details: problems,
      hint: 'Resume with the same suite, datasets and flags, or start a new run.',
    });
  }
}

async function spentSoFar(runDir: string): Promise<number> {
  let total = 0;
  for await (const attempt of readRunAttempts(runDir)) total += attempt.cost_usd;
  return total;
}

function emptySummary(): RunRecordFile['summary'] {
  return { scorecards: [], qualification: [], ranking: [], proposed_chain: [], warnings: ['the run is in progress'] };
}
