#!/usr/bin/env node
/**
 * The whole `chainproof run` pipeline (dist/pipeline/run-suite.js, as the CLI runs it): a generated
 * suite of simulated candidates at a fixed latency, a JSONL dataset of demo cases cycled to N,
 * the in-process simulator over HTTP, json-schema validation, attempts.jsonl, then scoring,
 * run.json and the reports. Run `npm run build` first.
 *
 *   node bench/runner-e2e-bench.mjs                          the three scenarios, each in its own process
 *   node bench/runner-e2e-bench.mjs latency|throughput|memory [cases] [latencyMs]
 *
 * `run` is the replay phase (first call → last attempt written, the figure the issue's targets are
 * about); `total` adds loading, scoring and writing the reports. `run_peak_rss_mb` is the peak at
 * the end of the replay, `peak_rss_mb` at the end of everything.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

const SCENARIOS = {
  latency: { cases: 1_500, candidates: 4, concurrency: 16, latencyMs: 50 },
  throughput: { cases: 2_500, candidates: 4, concurrency: 16, latencyMs: 0 },
  memory: { cases: 100_000, candidates: 1, concurrency: 16, latencyMs: 0 },
};

async function runScenario(name, casesArg, latencyArg) {
  const { runSuite } = await import(path.join(root, 'dist', 'pipeline', 'run-suite.js'));
  // As `chainproof run` does: a full collection between phases (src/cli/collect-garbage.ts).
  const { collectGarbage } = await import(path.join(root, 'dist', 'cli', 'collect-garbage.js'));
  const scenario = { ...SCENARIOS[name] };
  if (casesArg) scenario.cases = Number(casesArg);
  if (latencyArg) scenario.latencyMs = Number(latencyArg);
  const directory = mkdtempSync(path.join(os.tmpdir(), 'chainproof-e2e-bench-'));
  const demo = readFileSync(path.join(root, 'datasets', 'demo.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  // Written in chunks: holding 100,000 lines in memory would inflate the peak RSS being measured.
  const datasetFd = openSync(path.join(directory, 'cases.jsonl'), 'w');
  let chunk = '';
  for (let index = 0; index < scenario.cases; index += 1) {
    const source = demo[index % demo.length];
    chunk += `${JSON.stringify({ ...source, id: `${source.id}-${index}` })}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(datasetFd, chunk);
      chunk = '';
    }
  }
  writeSync(datasetFd, chunk);
  closeSync(datasetFd);
  const candidates = Array.from({ length: scenario.candidates }, (_, index) => `  - id: bench-${index}
    provider: simulated
    model: bench-${index}-sim
    price: { input_per_mtok: 1, output_per_mtok: 2 }
    simulate: { quality: 0.9, latency_ms: { p50: ${scenario.latencyMs}, p95: ${scenario.latencyMs} }, ttft_ms: { p50: 0, p95: 0 }, errors: {}, seed: ${index} }`).join('\n');
  writeFileSync(
    path.join(directory, 'bench.suite.yaml'),
    `name: bench\ndatasets:\n  - path: cases.jsonl\ncandidates:\n${candidates}\nvalidators: [json-schema]\nrun: { concurrency: ${scenario.concurrency}, retries: 2, timeout_ms: 30000, cache: false, stream: false }\n`,
  );

  const started = performance.now();
  let runStarted = 0;
  let runEnded = 0;
  let calls = 0;
  let runPeakRss = 0;
  const total = scenario.cases * scenario.candidates;
  const result = await runSuite({
    suitePath: path.join(directory, 'bench.suite.yaml'),
    cwd: directory,
    env: {},
    outDir: path.join(directory, 'reports'),
    onStart: () => (runStarted = performance.now()),
    onPhaseEnd: collectGarbage,
    onProgress: (progress) => {
      calls = progress.calls;
      if (progress.done === total && runEnded === 0) {
        runEnded = performance.now();
        runPeakRss = process.resourceUsage().maxRSS;
      }
    },
  });
  const totalMs = performance.now() - started;
  rmSync(directory, { recursive: true, force: true });
  const runMs = runEnded - runStarted;
  const idealMs = (calls * scenario.latencyMs) / scenario.concurrency;
  process.stdout.write(
    `${JSON.stringify({
      scenario: name,
      calls,
      attempts: result.outcome.attemptsWritten,
      concurrency: scenario.concurrency,
      latency_ms: scenario.latencyMs,
      run_ms: Math.round(runMs),
      ideal_ms: Math.round(idealMs),
      ratio: idealMs > 0 ? Number((runMs / idealMs).toFixed(3)) : null,
      calls_per_s: Math.round(calls / (runMs / 1_000)),
      total_ms: Math.round(totalMs),
      run_peak_rss_mb: Math.round(runPeakRss / 1024),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

const [, , name, casesArg, latencyArg] = process.argv;
if (name) {
  if (!SCENARIOS[name]) {
    console.error(`unknown scenario ${name}; one of ${Object.keys(SCENARIOS).join(', ')}`);
    process.exit(2);
  }
  await runScenario(name, casesArg, latencyArg);
} else {
  const rows = [];
  for (const scenario of Object.keys(SCENARIOS)) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), scenario], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      process.exit(child.status ?? 1);
    }
    rows.push(JSON.parse(child.stdout.trim().split('\n').at(-1)));
  }
  console.table(rows);
}
