import { describe, expect, it } from 'vitest';
import { executeRun } from '../../src/runner/index.js';
import type { Validator } from '../../src/validators/types.js';
import { createMemorySink, createScriptedClient, createVirtualClock, estimateTenTokens, makeCandidate, makeCases } from './fakes.js';

const passIfJson: Validator = {
  name: 'is-json',
  validate: ({ output }) => {
    try {
      JSON.parse(output);
      return { validator: 'is-json', pass: true, categories: [], reasons: [] };
    } catch {
      return { validator: 'is-json', pass: false, categories: ['invalid_json'], reasons: [{ message: 'not JSON' }] };
    }
  },
};

describe('executeRun basics', () => {
  it('writes one validated attempt per case × candidate × repeat with its simulation key', async () => {
    const clock = createVirtualClock();
    const sink = createMemorySink();
    const good = createScriptedClient(makeCandidate('good'), clock, () => ({ text: '{"a":1}', costUsd: 0.001 }));
    const bad = createScriptedClient(makeCandidate('bad'), clock, () => ({ text: 'not json' }));
    const outcome = await executeRun({
      cases: makeCases(3),
      candidates: [{ config: good.candidate, client: good }, { config: bad.candidate, client: bad }],
      repeat: 2,
      validators: [passIfJson],
      sink,
      clock,
      estimateTokens: estimateTenTokens,
    });
    expect(outcome).toMatchObject({ attemptsWritten: 12, calls: 12, cacheHits: 0, unfinished: 0 });
    expect(outcome.stoppedReason).toBeUndefined();
    expect(outcome.spentUsd).toBeCloseTo(0.006, 10);
    const keys = sink.attempts.map((attempt) => `${attempt.case_id}|${attempt.candidate_id}|${attempt.repeat}`).sort();
    expect(new Set(keys).size).toBe(12);
    for (const attempt of sink.attempts) {
      expect(attempt.status).toBe('ok');
      expect(attempt.verdicts).toHaveLength(1);
      expect(attempt.verdicts[0]!.pass).toBe(attempt.candidate_id === 'good');
      expect(attempt.retries).toBe(0);
    }
    expect(good.log.map((entry) => entry.simulationKey).sort()).toEqual(['c0/0/0', 'c0/1/0', 'c1/0/0', 'c1/1/0', 'c2/0/0', 'c2/1/0']);
  });

  it('never has more calls in flight than the global concurrency', async () => {
    const clock = createVirtualClock();
    const client = createScriptedClient(makeCandidate('a'), clock, ({ callIndex }) => ({ latencyMs: 5 + (callIndex % 7) }));
    const outcome = await executeRun({ cases: makeCases(100), candidates: [{ config: client.candidate, client }], concurrency: 5, sink: createMemorySink(), clock, estimateTokens: estimateTenTokens });
    expect(outcome.attemptsWritten).toBe(100);
    expect(client.peakInFlight).toBe(5);
  });

  it('skips what a resumed run already holds', async () => {
    const clock = createVirtualClock();
    const sink = createMemorySink();
    const client = createScriptedClient(makeCandidate('a'), clock, () => ({}));
    const outcome = await executeRun({
      cases: makeCases(10),
      candidates: [{ config: client.candidate, client }],
      sink,
      clock,
      estimateTokens: estimateTenTokens,
      isDone: (caseId) => Number(caseId.slice(1)) % 2 === 0,
    });
    expect(outcome).toMatchObject({ attemptsWritten: 5, skipped: 5, calls: 5 });
    expect(sink.attempts.map((attempt) => attempt.case_id).sort()).toEqual(['c1', 'c3', 'c5', 'c7', 'c9']);
  });

  it('records a non-retryable error at once and keeps a cut stream\'s partial output', async () => {
    const clock = createVirtualClock();
    const sink = createMemorySink();
    const client = createScriptedClient(makeCandidate('a'), clock, ({ key }) =>
      key.startsWith('c0/') ? { error: 'auth' } : { error: 'timeout', retryable: false, partial: '{"half":' },
    );
    await executeRun({ cases: makeCases(2), candidates: [{ config: client.candidate, client }], sink, clock, estimateTokens: estimateTenTokens, validators: [passIfJson] });
    const byCase = Object.fromEntries(sink.attempts.map((attempt) => [attempt.case_id, attempt]));
    expect(byCase['c0']).toMatchObject({ status: 'error', retries: 0, error: { kind: 'auth', retryable: false }, verdicts: [] });
    expect(byCase['c1']).toMatchObject({ status: 'error', output: '{"half":', error: { kind: 'timeout' } });
    expect(client.log).toHaveLength(2);
  });

  it('aborts a call that never returns once the timeout and its grace have passed', async () => {
    const clock = createVirtualClock();
    const sink = createMemorySink();
    const client = createScriptedClient(makeCandidate('a'), clock, () => ({ hang: true }));
    await executeRun({ cases: makeCases(1), candidates: [{ config: client.candidate, client }], retries: 0, timeoutMs: 2_000, sink, clock, estimateTokens: estimateTenTokens });
    expect(sink.attempts[0]).toMatchObject({ status: 'error', error: { kind: 'timeout' } });
    expect(client.log[0]!.endedAt).toBe(3_000);
  });

  it('streams cases: pulls only a bounded window ahead of the attempts written', async () => {
    const clock = createVirtualClock();
    let pulled = 0;
    let maxAhead = 0;
    const sink = createMemorySink();
    async function* generate() {
      for (let index = 0; index < 2_000; index += 1) {
        pulled += 1;
        maxAhead = Math.max(maxAhead, pulled - sink.attempts.length);
        yield makeCases(1).map((testCase) => ({ ...testCase, id: `c${index}` }))[0]!;
      }
    }
    const client = createScriptedClient(makeCandidate('a'), clock, () => ({ latencyMs: 3 }));
    const outcome = await executeRun({ cases: generate(), candidates: [{ config: client.candidate, client }], concurrency: 8, lookaheadCases: 32, sink, clock, estimateTokens: estimateTenTokens });
    expect(outcome.attemptsWritten).toBe(2_000);
    expect(maxAhead).toBeLessThanOrEqual(32 + 8 + 1);
  });
});

describe('executeRun failures of chainproof itself', () => {
  it('rejects (a crash, not a model error) when the log cannot be written, after in-flight calls settle', async () => {
    const clock = createVirtualClock();
    const client = createScriptedClient(makeCandidate('a'), clock, () => ({ latencyMs: 5 }));
    let appended = 0;
    const sink = {
      append: async () => {
        appended += 1;
        if (appended === 3) throw new Error('disk full');
      },
    };
    await expect(executeRun({ cases: makeCases(50), candidates: [{ config: client.candidate, client }], concurrency: 4, sink, clock, estimateTokens: estimateTenTokens })).rejects.toThrow('disk full');
    expect(client.inFlight).toBe(0);
    expect(client.log.length).toBeLessThan(50);
  });

  it('rejects when a validator throws, and when a client throws something that is not a ProviderError', async () => {
    const clock = createVirtualClock();
    const client = createScriptedClient(makeCandidate('a'), clock, () => ({}));
    const broken: Validator = { name: 'broken', validate: () => { throw new TypeError('bug in validator'); } };
    await expect(executeRun({ cases: makeCases(3), candidates: [{ config: client.candidate, client }], validators: [broken], sink: createMemorySink(), clock, estimateTokens: estimateTenTokens })).rejects.toThrow('bug in validator');
    const throwing = { ...client, call: async () => { throw new RangeError('bug in adapter'); } };
    await expect(executeRun({ cases: makeCases(3), candidates: [{ config: client.candidate, client: throwing }], sink: createMemorySink(), clock, estimateTokens: estimateTenTokens })).rejects.toThrow('bug in adapter');
  });
});

describe('executeRun when the case stream fails', () => {
  it('aborts the calls in flight and rejects with the stream\'s error, writing nothing half-done', async () => {
    const clock = createVirtualClock();
    const sink = createMemorySink();
    const client = createScriptedClient(makeCandidate('a'), clock, () => ({ latencyMs: 1_000 }));
    async function* cases() {
      yield* makeCases(3);
      throw new Error('datasets/x.jsonl:4: bad line');
    }
    await expect(executeRun({ cases: cases(), candidates: [{ config: client.candidate, client }], lookaheadCases: 1, sink, clock, estimateTokens: estimateTenTokens })).rejects.toThrow('bad line');
    expect(client.log.map((entry) => entry.outcome)).toEqual(['aborted', 'aborted', 'aborted']);
    expect(client.inFlight).toBe(0);
    expect(sink.attempts).toEqual([]);
  });
});
