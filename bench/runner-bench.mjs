#!/usr/bin/env node
/**
 * Runner benchmark with an in-process fake client at a fixed latency (no HTTP: this measures the
 * scheduler, validation and the attempt log, not the network). Run `npm run build` first.
 *
 *   node bench/runner-bench.mjs                 all scenarios, each in its own process (peak RSS per scenario)
 *   node bench/runner-bench.mjs latency|throughput|memory [cases] [latencyMs]
 *
 * Prints calls, wall, ideal (calls × latency / concurrency), ratio, calls/s and peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '..', 'dist');

const SCENARIOS = {
  // 6,000 calls, concurrency 16, 50 ms: the wall/ideal target (≤ 1.1).
  latency: { cases: 1_500, candidates: 4, concurrency: 16, latencyMs: 50 },
  // Zero latency, with validation and a real attempts.jsonl: calls per second end to end (≥ 2,000).
  throughput: { cases: 5_000, candidates: 4, concurrency: 16, latencyMs: 0 },
  // 100,000 cases streamed through one candidate: peak RSS (≤ 250 MB).
  memory: { cases: 100_000, candidates: 1, concurrency: 16, latencyMs: 0 },
};

async function runScenario(name, casesArg, latencyArg) {
  const { executeRun } = await import(path.join(dist, 'runner', 'index.js'));
  const { openAttemptLog } = await import(path.join(dist, 'record', 'attempt-log.js'));
  const scenario = { ...SCENARIOS[name] };
  if (casesArg) scenario.cases = Number(casesArg);
  if (latencyArg !== undefined) scenario.latencyMs = Number(latencyArg);
  const directory = mkdtempSync(path.join(os.tmpdir(), 'chainproof-bench-'));
  const log = await openAttemptLog(path.join(directory, 'attempts.jsonl'));

  async function* generateCases() {
    for (let index = 0; index < scenario.cases; index += 1) {
      yield {
        id: `case-${index}`,
        request: {
          messages: [
            { role: 'system', content: 'Extract the ticket as JSON with fields category, priority and summary.' },
            { role: 'user', content: `Ticket ${index}: my invoice for March was charged twice, please refund one of the charges. Order ${index * 7919}.` },
          ],
          response_format: { type: 'json_object' },
          max_tokens: 200,
        },
        tags: ['billing'],
        weight: 1,
        expect: {},
      };
    }
  }

  const answer = JSON.stringify({ category: 'billing', priority: 'high', summary: 'Double charge for March invoice; refund one.' });
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const candidates = Array.from({ length: scenario.candidates }, (_, index) => {
    const config = { id: `model-${index}`, provider: 'openai-compatible', model: `m${index}`, base_url: `http://127.0.0.1:${9000 + index}/v1`, price: { input_per_mtok: 1, output_per_mtok: 2 } };
    const client = {
      candidate: config,
      prepare: (request) => ({ url: `${config.base_url}/chat/completions`, headers: {}, body: { model: config.model, ...request }, warnings: [], stream: false }),
      call: async () => {
        const started = performance.now();
  const cpuBefore = process.cpuUsage();
        if (scenario.latencyMs > 0) await sleep(scenario.latencyMs);
        return {
          response: { text: answer, toolCalls: [], finishReason: 'stop', usage: { input_tokens: 60, output_tokens: 20 } },
          warnings: [],
          latencyMs: performance.now() - started,
          costUsd: 0.0001,
          priceSource: 'suite',
        };
      },
    };
    return { config, client };
  });
  const jsonValidator = {
    name: 'json',
    validate: ({ output }) => {
      try {
        JSON.parse(output);
        return { validator: 'json', pass: true, categories: [], reasons: [] };
      } catch {
        return { validator: 'json', pass: false, categories: ['invalid_json'], reasons: [{ message: 'not JSON' }] };
      }
    },
  };

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const outcome = await executeRun({
    cases: generateCases(),
    candidates,
    concurrency: scenario.concurrency,
    retries: 2,
    timeoutMs: 30_000,
    validators: [jsonValidator],
    sink: log,
    totalAttempts: scenario.cases * scenario.candidates,
  });
  await log.close();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1_000;
  rmSync(directory, { recursive: true, force: true });
  const idealMs = (outcome.calls * scenario.latencyMs) / scenario.concurrency;
  const result = {
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
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
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
