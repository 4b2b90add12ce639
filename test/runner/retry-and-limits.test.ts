import { describe, expect, it } from 'vitest';
import { AdaptiveLimit } from '../../src/runner/adaptive-limit.js';
import { computeRetryDelayMs, DEFAULT_BACKOFF, executeRun } from '../../src/runner/index.js';
import { createMemorySink, createScriptedClient, createVirtualClock, estimateTenTokens, makeCandidate, makeCases } from './fakes.js';

describe('computeRetryDelayMs', () => {
  const policy = { baseMs: 100, capMs: 1_000, maxRetryAfterMs: 5_000 };
  it('is full jitter under a capped exponential ceiling', () => {
    expect([0, 1, 2, 3, 4, 5].map((index) => computeRetryDelayMs(index, policy, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(computeRetryDelayMs(3, policy, () => 0)).toBe(0);
    expect(computeRetryDelayMs(3, policy, () => 0.5)).toBe(400);
  });
  it('waits at least what the provider asked, within a bound', () => {
    expect(computeRetryDelayMs(0, policy, () => 0.5, 2_500)).toBe(2_500);
    expect(computeRetryDelayMs(0, policy, () => 0.5, 3_600_000)).toBe(5_000);
    expect(computeRetryDelayMs(4, policy, () => 0.999999, 10)).toBe(999);
  });
  it('has sane defaults', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 500, capMs: 30_000, maxRetryAfterMs: 60_000 });
  });
});

describe('retries in a run', () => {
  it('retries retryable kinds with backoff, honours retry-after, and records every failed try', async () => {
    const clock = createVirtualClock(0.5);
    const sink = createMemorySink();
    const client = createScriptedClient(makeCandidate('a'), clock, ({ callIndex }) =>
      callIndex === 0 ? { latencyMs: 100, error: 'rate_limited', retryAfterMs: 2_000 } : callIndex === 1 ? { latencyMs: 100, error: 'server_error' } : { latencyMs: 100 },
    );
    await executeRun({ cases: makeCases(1), candidates: [{ config: client.candidate, client }], retries: 3, backoff: { baseMs: 1_000 }, sink, clock, estimateTokens: estimateTenTokens });
    const attempt = sink.attempts[0]!;
    expect(attempt).toMatchObject({ status: 'ok', retries: 2 });
    expect(attempt.retry_errors).toEqual([
      { error: { kind: 'rate_limited', retryable: true, message: 'scripted rate_limited', retry_after_ms: 2_000 }, waited_ms: 2_000 },
      // second retry: jitter 0.5 × min(cap, 1000 × 2¹)
      { error: { kind: 'server_error', retryable: true, message: 'scripted server_error' }, waited_ms: 1_000 },
    ]);
    expect(client.log.map((entry) => [entry.simulationKey, entry.startedAt])).toEqual([
      ['c0/0/0', 0],
      ['c0/0/1', 2_100],
      ['c0/0/2', 3_200],
    ]);
  });

  it('gives up after `retries` and records the last error with the earlier ones', async () => {
    const clock = createVirtualClock(0);
    const sink = createMemorySink();
    const client = createScriptedClient(makeCandidate('a'), clock, () => ({ error: 'overloaded' }));
    await executeRun({ cases: makeCases(1), candidates: [{ config: client.candidate, client }], retries: 2, sink, clock, estimateTokens: estimateTenTokens });
    expect(client.log).toHaveLength(3);
    expect(sink.attempts[0]).toMatchObject({ status: 'error', retries: 2, error: { kind: 'overloaded' } });
    expect(sink.attempts[0]!.retry_errors).toHaveLength(2);
  });

  it('does not retry a kind the provider marked not retryable (insufficient quota)', async () => {
    const clock = createVirtualClock();
    const sink = createMemorySink();
    const client = createScriptedClient(makeCandidate('a'), clock, () => ({ error: 'rate_limited', retryable: false }));
    await executeRun({ cases: makeCases(1), candidates: [{ config: client.candidate, client }], retries: 5, sink, clock, estimateTokens: estimateTenTokens });
    expect(client.log).toHaveLength(1);
    expect(sink.attempts[0]).toMatchObject({ retries: 0, error: { kind: 'rate_limited', retryable: false } });
  });
});

describe('AdaptiveLimit', () => {
  it('halves once per window on rate limits, pauses for retry-after, and grows back one per window of successes', () => {
    const limit = new AdaptiveLimit('e', 8);
    limit.recordRateLimited(100, 50, 1_000);
    expect(limit.limit).toBe(4);
    expect(limit.canStart(500)).toBe(false);
    expect(limit.waitMs(500)).toBe(600);
    // A 429 from a try sent before the decrease does not shrink again.
    limit.recordRateLimited(120, 90, undefined);
    expect(limit.limit).toBe(4);
    limit.recordRateLimited(200, 150, undefined);
    expect(limit.limit).toBe(2);
    for (let index = 0; index < 2; index += 1) limit.recordSuccess();
    expect(limit.limit).toBe(3);
    for (let index = 0; index < 3; index += 1) limit.recordSuccess();
    expect(limit.limit).toBe(4);
    for (let index = 0; index < 100; index += 1) limit.recordSuccess();
    expect(limit.limit).toBe(8);
  });
  it('never goes below one and pauses when a quota header says nothing is left', () => {
    const limit = new AdaptiveLimit('e', 2);
    for (let index = 0; index < 5; index += 1) limit.recordRateLimited(index * 10, index * 10, undefined);
    expect(limit.limit).toBe(1);
    limit.recordSnapshot(1_000, { remainingRequests: 0, resetRequestsMs: 4_000 });
    expect(limit.canStart(4_999)).toBe(false);
    expect(limit.canStart(5_000)).toBe(true);
    limit.recordSnapshot(6_000, { remainingRequests: 3, resetRequestsMs: 4_000 });
    expect(limit.canStart(6_000)).toBe(true);
  });
});

describe('pacing by quota headers', () => {
  it('keeps a copy of the provider\'s bucket: what the header said, refilled since, minus the calls sent after', () => {
    const limit = new AdaptiveLimit('e', 8);
    const first = limit.acquire(0);
    for (let index = 0; index < 3; index += 1) limit.acquire(0);
    // The first call's answer (at 50 ms): 2 left of 500 when it arrived, full again in 6 s → 83 per second.
    limit.recordSnapshot(50, { remainingRequests: 2, limitRequests: 500, resetRequestsMs: 6_000 }, 0, first);
    // 2 + 50 ms of refill (4.15) − 3 sent after it = 3.15: three more calls may go now, the fourth waits.
    const refillPerMs = 498 / 6_000;
    for (let index = 0; index < 3; index += 1) {
      expect(limit.canStart(50)).toBe(true);
      limit.acquire(50);
    }
    expect(limit.canStart(50)).toBe(false);
    const left = 2 + 50 * refillPerMs - 3 - 3;
    expect(limit.waitMs(50)).toBe(Math.ceil((1 - left) / refillPerMs));
    expect(limit.canStart(50 + Math.ceil((1 - left) / refillPerMs))).toBe(true);
  });

  it('without the window size, pauses only when the header says nothing is left', () => {
    const limit = new AdaptiveLimit('e', 8);
    limit.recordSnapshot(0, { remainingRequests: 1, resetRequestsMs: 4_000 });
    expect(limit.canStart(0)).toBe(true);
    limit.recordSnapshot(0, { remainingRequests: 0, resetRequestsMs: 4_000 });
    expect(limit.canStart(3_999)).toBe(false);
    expect(limit.canStart(4_000)).toBe(true);
  });
});

describe('adaptive concurrency in a run', () => {
  it('keeps below a provider\'s continuously refilled request window by its headers, without 429s', async () => {
    const clock = createVirtualClock();
    // The provider: 20 requests a window, refilled at one every 100 ms, refused (429) when empty.
    const capacity = 20;
    const refillMs = 100;
    let tokens = capacity;
    let last = 0;
    const client = createScriptedClient(makeCandidate('a'), clock, () => {
      const now = clock.now();
      tokens = Math.min(capacity, tokens + (now - last) / refillMs);
      last = now;
      if (tokens < 1) return { latencyMs: 50, error: 'rate_limited', retryAfterMs: refillMs };
      tokens -= 1;
      return { latencyMs: 50, rateLimit: { remainingRequests: Math.floor(tokens), limitRequests: capacity, resetRequestsMs: Math.ceil((capacity - tokens) * refillMs) } };
    });
    const sink = createMemorySink();
    await executeRun({ cases: makeCases(80), candidates: [{ config: client.candidate, client }], concurrency: 16, retries: 5, sink, clock, estimateTokens: estimateTenTokens });
    expect(sink.attempts.filter((attempt) => attempt.status === 'ok')).toHaveLength(80);
    const refused = client.log.filter((entry) => entry.outcome === 'rate_limited').length;
    // The first burst (16 in flight before any header came back) may overshoot a little; after that, the pace holds.
    expect(refused).toBeLessThanOrEqual(4);
    // 80 calls from a bucket of 20 refilled at 10/s take at least 6 s; pacing keeps close to that.
    const end = Math.max(...client.log.map((entry) => entry.endedAt!));
    expect(end).toBeGreaterThanOrEqual(6_000);
    expect(end).toBeLessThan(8_000);
  });

  it('shrinks an endpoint on rate limits only, and leaves other endpoints alone', async () => {
    const clock = createVirtualClock(0);
    const sink = createMemorySink();
    const limited = createScriptedClient(makeCandidate('limited', { base_url: 'https://a.test' }), clock, ({ callIndex }) =>
      callIndex < 8 ? { latencyMs: 100, error: 'rate_limited', retryAfterMs: 1_000 } : { latencyMs: 100 },
    );
    const failing = createScriptedClient(makeCandidate('failing', { base_url: 'https://b.test' }), clock, ({ callIndex }) =>
      callIndex < 8 ? { latencyMs: 100, error: 'server_error' } : { latencyMs: 100 },
    );
    const seen: Array<Record<string, { limit: number }>> = [];
    await executeRun({
      cases: makeCases(40),
      candidates: [{ config: limited.candidate, client: limited }, { config: failing.candidate, client: failing }],
      concurrency: 16,
      endpointConcurrency: 8,
      retries: 3,
      sink,
      clock,
      estimateTokens: estimateTenTokens,
      onProgress: (progress) => seen.push(progress.endpoints),
    });
    expect(sink.attempts.filter((attempt) => attempt.status === 'ok')).toHaveLength(80);
    const limitedKey = 'openai|https://a.test|default';
    const failingKey = 'openai|https://b.test|default';
    // The first wave of eight 429s halves the limit once (they were all sent before the decrease).
    expect(Math.min(...seen.map((endpoints) => endpoints[limitedKey]!.limit))).toBe(4);
    expect(Math.min(...seen.map((endpoints) => endpoints[failingKey]!.limit))).toBe(8);
    // Nothing was sent to the limited endpoint during its retry-after pause.
    const during = limited.log.filter((entry) => entry.startedAt > 100 && entry.startedAt < 1_100);
    expect(during).toHaveLength(0);
    // After the pause no more than the shrunk limit was in flight at first; it grew back later.
    const afterPause = limited.log.filter((entry) => entry.startedAt === 1_100);
    expect(afterPause.length).toBeLessThanOrEqual(4);
    expect(seen.at(-1)![limitedKey]!.limit).toBeGreaterThan(4);
  });

  it('keeps an rpm limit with a token bucket', async () => {
    const clock = createVirtualClock();
    const client = createScriptedClient(makeCandidate('a', { rpm: 60 }), clock, () => ({ latencyMs: 10 }));
    await executeRun({ cases: makeCases(70), candidates: [{ config: client.candidate, client }], concurrency: 16, sink: createMemorySink(), clock, estimateTokens: estimateTenTokens });
    const starts = client.log.map((entry) => entry.startedAt);
    // A full bucket of 60 goes as fast as concurrency allows, then one a second.
    expect(starts[59]).toBeLessThan(100);
    const later = starts.slice(60);
    expect(later).toHaveLength(10);
    later.forEach((start, index) => expect(Math.abs(start - 1_000 * (index + 1))).toBeLessThan(60));
  });

  it('keeps a tpm limit, corrected by the usage that comes back', async () => {
    const clock = createVirtualClock();
    // Each call reports 10 input + 590 output tokens; the estimate starts lower (10 + 256).
    const client = createScriptedClient(makeCandidate('a', { tpm: 6_000 }), clock, () => ({ latencyMs: 10, outputTokens: 590 }));
    await executeRun({ cases: makeCases(30), candidates: [{ config: client.candidate, client }], concurrency: 1, sink: createMemorySink(), clock, estimateTokens: estimateTenTokens });
    const last = client.log.at(-1)!.startedAt;
    // 30 × 600 = 18 000 tokens at 6 000 a minute with a full first bucket: at least two minutes.
    expect(last).toBeGreaterThanOrEqual(110_000);
    expect(last).toBeLessThan(200_000);
  });

  it('interleaves candidates: a slow, throttled one does not hold back a fast one', async () => {
    const clock = createVirtualClock();
    const slow = createScriptedClient(makeCandidate('slow', { base_url: 'https://slow.test', max_concurrency: 1 }), clock, () => ({ latencyMs: 1_000 }));
    const fast = createScriptedClient(makeCandidate('fast', { base_url: 'https://fast.test' }), clock, () => ({ latencyMs: 10 }));
    await executeRun({ cases: makeCases(50), candidates: [{ config: slow.candidate, client: slow }, { config: fast.candidate, client: fast }], concurrency: 4, sink: createMemorySink(), clock, estimateTokens: estimateTenTokens });
    const fastDone = Math.max(...fast.log.map((entry) => entry.endedAt!));
    const slowDone = Math.max(...slow.log.map((entry) => entry.endedAt!));
    expect(slowDone).toBe(50_000);
    // Three free slots: 50 calls of 10 ms in ~17 rounds.
    expect(fastDone).toBeLessThanOrEqual(200);
  });
});
