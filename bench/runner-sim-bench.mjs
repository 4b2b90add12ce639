#!/usr/bin/env node
/**
 * End-to-end runner benchmark over real HTTP: the in-process simulator at a fixed latency, the real
 * OpenAI adapter (undici), the json-schema validator and a real attempts.jsonl. Cases are the demo
 * dataset's, cycled with fresh ids. Run `npm run build` first.
 *
 *   node bench/runner-sim-bench.mjs                 all scenarios, each in its own process
 *   node bench/runner-sim-bench.mjs latency|latency-sse|throughput|throughput-sse|memory [cases] [latencyMs]
 *
 * Diagnosis switches (environment): NO_VALIDATORS=1, NO_LOG=1 (a no-op sink), NO_TIMEOUT=1,
 * LOOKAHEAD=N (cases held ahead of the slowest candidate).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dist = path.join(root, 'dist');

const SCENARIOS = {
  latency: { cases: 1_500, candidates: 4, concurrency: 16, latencyMs: 50, stream: false },
  'latency-sse': { cases: 1_500, candidates: 4, concurrency: 16, latencyMs: 50, stream: true },
  throughput: { cases: 2_500, candidates: 4, concurrency: 16, latencyMs: 0, stream: false },
  'throughput-sse': { cases: 2_500, candidates: 4, concurrency: 16, latencyMs: 0, stream: true },
  memory: { cases: 100_000, candidates: 1, concurrency: 16, latencyMs: 0, stream: false },
};

async function runScenario(name, casesArg, latencyArg) {
  const { executeRun } = await import(path.join(dist, 'runner', 'index.js'));
  const { openAttemptLog } = await import(path.join(dist, 'record', 'attempt-log.js'));
  const { startSimulator } = await import(path.join(dist, 'simulator', 'index.js'));
  const { createModelClient } = await import(path.join(dist, 'providers', 'index.js'));
  const { createValidators } = await import(path.join(dist, 'validators', 'index.js'));
  const scenario = { ...SCENARIOS[name] };
  if (casesArg) scenario.cases = Number(casesArg);
  if (latencyArg) scenario.latencyMs = Number(latencyArg);
  const stream = scenario.stream;

  const demo = readFileSync(path.join(root, 'datasets', 'demo.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  async function* generateCases() {
    for (let index = 0; index < scenario.cases; index += 1) {
      const source = demo[index % demo.length];
      yield { id: `${source.id}#${index}`, request: source.request, tags: source.tags ?? [], weight: 1, expect: source.expect ?? {} };
    }
  }

  const latency = { p50: scenario.latencyMs, p95: scenario.latencyMs };
  const models = Array.from({ length: scenario.candidates }, (_, index) => ({
    name: `bench-${index}`,
    simulate: { quality: 0.9, latency_ms: latency, ttft_ms: { p50: 0, p95: 0 }, errors: {}, seed: index },
  }));
  const simulator = await startSimulator({ models, seed: 1 });
  const candidates = models.map((model) => {
    const config = { id: model.name, provider: 'simulated', model: model.name, simulate: model.simulate, price: { input_per_mtok: 1, output_per_mtok: 2 } };
    return { config, client: createModelClient(config, { env: {}, baseUrl: simulator.baseUrls.openai, stream }) };
  });
  const validators = process.env.NO_VALIDATORS ? [] : await createValidators(['json-schema'], { baseDir: root });
  const directory = mkdtempSync(path.join(os.tmpdir(), 'chainproof-simbench-'));
  const log = await openAttemptLog(path.join(directory, 'attempts.jsonl'));

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const outcome = await executeRun({ ...(process.env.LOOKAHEAD ? { lookaheadCases: Number(process.env.LOOKAHEAD) } : {}), cases: generateCases(), candidates, concurrency: scenario.concurrency, retries: 2, ...(process.env.NO_TIMEOUT ? {} : { timeoutMs: 30_000 }), stream, validators, sink: process.env.NO_LOG ? { append: async () => {} } : log });
  await log.close();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1_000;
  await simulator.close();
  rmSync(directory, { recursive: true, force: true });
  const idealMs = (outcome.calls * scenario.latencyMs) / scenario.concurrency;
  process.stdout.write(
    `${JSON.stringify({
      scenario: name,
      calls: outcome.calls,
      attempts: outcome.attemptsWritten,
      concurrency: scenario.concurrency,
      latency_ms: scenario.latencyMs,
      wall_ms: Math.round(wallMs),
      ideal_ms: Math.round(idealMs),
      ratio: idealMs > 0 ? Number((wallMs / idealMs).toFixed(3)) : null,
      calls_per_s: Math.round(outcome.calls / (wallMs / 1_000)),
      cpu_ms: Math.round(cpuMs),
      calls_per_cpu_s: Math.round(outcome.calls / (cpuMs / 1_000)),
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
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), scenario], { encoding: 'utf8' });
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      process.exit(child.status ?? 1);
    }
    rows.push(JSON.parse(child.stdout.trim().split('\n').at(-1)));
  }
  console.table(rows);
}
