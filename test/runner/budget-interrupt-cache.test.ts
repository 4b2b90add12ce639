import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCacheKey, createDiskCache, estimateRunCost, executeRun } from '../../src/runner/index.js';
import type { Validator } from '../../src/validators/types.js';
import { createMemorySink, createScriptedClient, createVirtualClock, estimateTenTokens, makeCandidate, makeCase, makeCases } from './fakes.js';

const price = { input_per_mtok: 1_000, output_per_mtok: 1_000 };

describe('budget', () => {
  it('stops scheduling before spend plus the in-flight worst case could pass the budget', async () => {
    const clock = createVirtualClock();
    const sink = createMemorySink();
    const client = createScriptedClient(makeCandidate('a', { price }), clock, () => ({ costUsd: 1 }));
    const outcome = await executeRun({ cases: makeCases(100), candidates: [{ config: client.candidate, client }], concurrency: 1, budgetUsd: 20, sink, clock, estimateTokens: estimateTenTokens });
    // Worst case of one call: (10 × 1.1 input + 4096 output) tokens × $1000/Mtok = $4.107.
    // A call may start while spent ≤ 20 − 4.107, so 16 calls at $1 each.
    expect(outcome).toMatchObject({ stoppedReason: 'budget', attemptsWritten: 16, calls: 16, spentUsd: 16 });
  });

  it('counts the worst case of calls in flight', async () => {
    const clock = createVirtualClock();
    const client = createScriptedClient(makeCandidate('a', { price }), clock, () => ({ costUsd: 0.01 }));
    const testCase = makeCase('c', 'q', { request: { messages: [{ role: 'user', content: 'q' }], max_tokens: 996 } });
    // Worst case: (11 + 996) tokens = $1.007 a call; four may be in flight under a $4.5 budget.
    const outcome = await executeRun({ cases: [testCase], candidates: [{ config: client.candidate, client }], repeat: 10, concurrency: 10, budgetUsd: 4.5, sink: createMemorySink(), clock, estimateTokens: estimateTenTokens });
    expect(client.peakInFlight).toBe(4);
    expect(outcome.stoppedReason).toBe('budget');
    expect(outcome.spentUsd).toBeLessThanOrEqual(4.5);
  });

  it('estimates a run before it starts from token counts and prices', async () => {
    const estimate = await estimateRunCost({
      cases: [makeCase('a', 'x', { request: { messages: [], max_tokens: 100 } }), makeCase('b')],
      candidates: [{ config: makeCandidate('p', { price: { input_per_mtok: 2, output_per_mtok: 10 } }) }, { config: makeCandidate('free') }],
      repeat: 2,
      retries: 1,
      countInputTokens: () => 1_000,
      expectedOutputTokens: 400,
    });
    // p: case a 1000 in + min(400,100) out, case b 1000 in + 400 out; × 2 repeats.
    expect(estimate.byCandidate['p']!.expectedUsd).toBeCloseTo(2 * ((2_000 + 1_000) + (2_000 + 4_000)) / 1e6, 12);
    expect(estimate.byCandidate['p']!.worstCaseUsd).toBeCloseTo(2 * 2 * ((1_100 * 2 + 100 * 10) + (1_100 * 2 + 4_096 * 10)) / 1e6, 12);
    expect(estimate.calls).toBe(8);
    expect(estimate.unpriced).toEqual(['free']);
  });
});

describe('interrupt', () => {
  it('stops scheduling, lets in-flight attempts finish and writes them, and leaves the rest for a resume', async () => {
    const clock = createVirtualClock();
    const sink = createMemorySink();
    const controller = new AbortController();
    const client = createScriptedClient(makeCandidate('a'), clock, ({ callIndex }) => ({ latencyMs: 10 + callIndex }));
    const outcome = await executeRun({
      cases: makeCases(50),
      candidates: [{ config: client.candidate, client }],
      concurrency: 4,
      sink,
      clock,
      signal: controller.signal,
      estimateTokens: estimateTenTokens,
      onProgress: (progress) => progress.done === 5 && controller.abort(),
    });
    expect(outcome.stoppedReason).toBe('interrupted');
    // Every call in flight when the fifth attempt ended was finished and written; nothing after.
    expect(outcome.attemptsWritten).toBe(client.log.length);
    expect(outcome.attemptsWritten).toBeGreaterThanOrEqual(8);
    expect(outcome.attemptsWritten).toBeLessThanOrEqual(5 + 4);
    // The rest were queued, not started: left for a resume.
    expect(outcome.unfinished + outcome.attemptsWritten).toBe(50);
    expect(sink.attempts.every((attempt) => attempt.status === 'ok')).toBe(true);
    expect(new Set(sink.attempts.map((attempt) => attempt.case_id)).size).toBe(outcome.attemptsWritten);
  });

  it('aborts in-flight calls that outlast the drain time and does not write them', async () => {
    const clock = createVirtualClock();
    const sink = createMemorySink();
    const controller = new AbortController();
    const client = createScriptedClient(makeCandidate('a'), clock, ({ callIndex }) => (callIndex < 2 ? { latencyMs: 5 } : { hang: true }));
    const outcome = await executeRun({
      cases: makeCases(10),
      candidates: [{ config: client.candidate, client }],
      concurrency: 3,
      drainMs: 500,
      sink,
      clock,
      signal: controller.signal,
      estimateTokens: estimateTenTokens,
      onProgress: (progress) => progress.done === 2 && controller.abort(),
    });
    expect(outcome).toMatchObject({ stoppedReason: 'interrupted', attemptsWritten: 2 });
    expect(outcome.unfinished).toBeGreaterThanOrEqual(2);
    expect(client.log.filter((entry) => entry.outcome === 'aborted').length).toBe(client.log.length - 2);
    expect(Math.max(...client.log.map((entry) => entry.endedAt!))).toBeLessThanOrEqual(5 + 500 + 10);
  });
});

describe('cache', () => {
  const countOutput: Validator = { name: 'len', validate: ({ output }) => ({ validator: 'len', pass: output.length > 0, categories: [], reasons: [] }) };

  it('replays a rerun with zero calls, re-validates, and refetches a corrupted entry', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'chainproof-cache-'));
    const cache = createDiskCache(directory);
    const run = async () => {
      const clock = createVirtualClock();
      const sink = createMemorySink();
      const client = createScriptedClient(makeCandidate('a'), clock, ({ key }) => ({ text: `answer ${key}` }));
      const outcome = await executeRun({ cases: makeCases(5), candidates: [{ config: client.candidate, client }], repeat: 2, cache, validators: [countOutput], sink, clock, estimateTokens: estimateTenTokens });
      return { outcome, sink, client };
    };
    const first = await run();
    expect(first.outcome).toMatchObject({ calls: 10, cacheHits: 0 });
    const second = await run();
    expect(second.outcome).toMatchObject({ calls: 0, cacheHits: 10, attemptsWritten: 10 });
    const sortByKey = (attempts: typeof first.sink.attempts) => [...attempts].sort((a, b) => `${a.case_id}${a.repeat}`.localeCompare(`${b.case_id}${b.repeat}`));
    for (const [before, after] of sortByKey(first.sink.attempts).map((attempt, index) => [attempt, sortByKey(second.sink.attempts)[index]!] as const)) {
      expect(after).toMatchObject({ case_id: before.case_id, repeat: before.repeat, output: before.output, cached: true });
      expect(after.verdicts).toEqual(before.verdicts);
    }
    const folders = await readdir(directory);
    const file = path.join(directory, folders[0]!, (await readdir(path.join(directory, folders[0]!)))[0]!);
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(Object.keys(stored).sort()).toEqual(['key', 'outcome', 'version']);
    expect(JSON.stringify(stored)).not.toMatch(/authorization|api[-_]?key|bearer/i);
    await writeFile(file, '{"version":1,"key":"tru');
    const third = await run();
    expect(third.outcome).toMatchObject({ calls: 1, cacheHits: 9, attemptsWritten: 10 });
  });

  it('keys on what is sent: repeat, body and base URL; not the simulator port', () => {
    const clock = createVirtualClock();
    const a = createScriptedClient(makeCandidate('a', { base_url: 'https://one.test' }), clock, () => ({}));
    const b = createScriptedClient(makeCandidate('a', { base_url: 'https://two.test' }), clock, () => ({}));
    const testCase = makeCase('x');
    expect(computeCacheKey(a, testCase, 0, true)).toBe(computeCacheKey(a, testCase, 0, true));
    expect(computeCacheKey(a, testCase, 0, true)).not.toBe(computeCacheKey(a, testCase, 1, true));
    expect(computeCacheKey(a, testCase, 0, true)).not.toBe(computeCacheKey(a, makeCase('x', 'other'), 0, true));
    expect(computeCacheKey(a, testCase, 0, true)).not.toBe(computeCacheKey(b, testCase, 0, true));
    expect(computeCacheKey(a, testCase, 0, true, 'seed:1')).not.toBe(computeCacheKey(a, testCase, 0, true, 'seed:2'));
    const simulated = (port: number, quality: number) => ({
      ...a,
      candidate: makeCandidate('s', { provider: 'simulated', simulate: { quality, latency_ms: { p50: 1, p95: 2 }, errors: {} } }),
      prepare: () => ({ url: `http://127.0.0.1:${port}/v1/chat/completions`, headers: {}, body: { model: 'm' }, warnings: [], stream: true }),
    });
    expect(computeCacheKey(simulated(4000, 0.9), testCase, 0, true)).toBe(computeCacheKey(simulated(5000, 0.9), testCase, 0, true));
    expect(computeCacheKey(simulated(4000, 0.9), testCase, 0, true)).not.toBe(computeCacheKey(simulated(4000, 0.5), testCase, 0, true));
  });
});
