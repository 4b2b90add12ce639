#!/usr/bin/env node
/**
 * End-to-end runner benchmark over real HTTP: the in-process simulator at a fixed latency, the real
 * OpenAI adapter (undici), the json-schema validator and a real attempts.jsonl. Cases are the demo
 * dataset's, cycled with fresh ids. Run `npm run build` first.
 *
 *   node bench/runner-sim-bench.mjs                 all scenarios, each in its own process
 *   node bench/runner-sim-bench.mjs latency|throughput|memory [cases] [latencyMs] [stream]
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
  latency: { cases: 1_500, candidates: 4, concurrency: 16, latencyMs: 50 },
  throughput: { cases: 2_500, candidates: 4, concurrency: 16, latencyMs: 0 },
  memory: { cases: 100_000, candidates: 1, concurrency: 16, latencyMs: 0 },
};

async function runScenario(name, casesArg, latencyArg, streamArg) {
  const { executeRun } = await import(path.join(dist, 'runner', 'index.js'));
  const { openAttemptLog } = await import(path.join(dist, 'record', 'attempt-log.js'));
  const { startSimulator } = await import(path.join(dist, 'simulator', 'index.js'));
  const { createModelClient } = await import(path.join(dist, 'providers', 'index.js'));
  const { createValidators } = await import(path.join(dist, 'validators', 'index.js'));
  const scenario = { ...SCENARIOS[name] };
  if (casesArg) scenario.cases = Number(casesArg);
  if (latencyArg !== undefined) scenario.latencyMs = Number(latencyArg);
  const stream = streamArg === 'stream';

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
  const validators = await createValidators(['json-schema'], { baseDir: root });
  const directory = mkdtempSync(path.join(os.tmpdir(), 'chainproof-simbench-'));
  const log = await openAttemptLog(path.join(directory, 'attempts.jsonl'));

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const outcome = await executeRun({ cases: generateCases(), candidates, concurrency: scenario.concurrency, retries: 2, timeoutMs: 30_000, stream, validators, sink: log });
  await log.close();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1_000;
  await simulator.close();
  rmSync(directory, { recursive: true, force: true });
  const idealMs = (outcome.calls * scenario.latencyMs) / scenario.concurrency;
  process.stdout.write(
    `${JSON.stringify({
      scenario: `${name}${stream ? ' (sse)' : ''}`,
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

const [, , name, casesArg, latencyArg, streamArg] = process.argv;
if (name) {
  if (!SCENARIOS[name]) {
    console.error(`unknown scenario ${name}; one of ${Object.keys(SCENARIOS).join(', ')}`);
    process.exit(2);
  }
  await runScenario(name, casesArg, latencyArg, streamArg);
} else {
  const rows = [];
  for (const [scenario, stream] of [['latency', ''], ['latency', 'stream'], ['throughput', ''], ['throughput', 'stream'], ['memory', '']]) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), scenario, '', undefined, stream].filter((arg) => arg !== undefined), { encoding: 'utf8' });
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      process.exit(child.status ?? 1);
    }
    rows.push(JSON.parse(child.stdout.trim().split('\n').at(-1)));
  }
  console.table(rows);
}
