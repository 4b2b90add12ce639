/**
 * Test doubles for the runner: a virtual clock whose time moves only when every pending promise
 * is waiting on it, and a scripted ModelClient whose answers and failures a test decides per call.
 */
import type { CandidateConfig } from '../../src/config/suite-schema.js';
import { createProviderError, type ErrorKind } from '../../src/core/errors.js';
import type { Attempt, Case, CanonicalRequest } from '../../src/core/types.js';
import type { CallOptions, CallResult, ModelClient, PreparedRequest } from '../../src/providers/types.js';
import type { RunClock } from '../../src/runner/index.js';

export interface VirtualClock extends RunClock {
  /** Timers waiting. */
  pending(): number;
}

export function createVirtualClock(randomValue = 0.5): VirtualClock {
  let time = 0;
  let timers: Array<{ at: number; resolve: () => void; id: number }> = [];
  let nextId = 0;
  let scheduled = false;
  const advance = () => {
    scheduled = false;
    if (timers.length === 0) return;
    timers.sort((a, b) => a.at - b.at || a.id - b.id);
    const first = timers[0]!;
    time = Math.max(time, first.at);
    const due = timers.filter((timer) => timer.at <= time);
    timers = timers.filter((timer) => timer.at > time);
    for (const timer of due) timer.resolve();
    schedule();
  };
  // setImmediate runs once every microtask has settled: if timers remain then, nothing else can move.
  const schedule = () => {
    if (scheduled || timers.length === 0) return;
    scheduled = true;
    setImmediate(advance);
  };
  return {
    now: () => time,
    random: () => randomValue,
    pending: () => timers.length,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const id = nextId++;
        const timer = { at: time + Math.max(0, ms), resolve, id };
        timers.push(timer);
        signal?.addEventListener(
          'abort',
          () => {
            timers = timers.filter((entry) => entry.id !== id);
            resolve();
          },
          { once: true },
        );
        schedule();
      });
    },
  };
}

export function makeCandidate(id: string, extra: Partial<CandidateConfig> = {}): CandidateConfig {
  return { id, provider: 'openai', model: `model-${id}`, ...extra } as CandidateConfig;
}

export function makeCase(id: string, text = `question ${id}`, extra: Partial<Case> = {}): Case {
  return { id, request: { messages: [{ role: 'user', content: text }] }, tags: [], weight: 1, expect: {}, ...extra };
}

export function makeCases(count: number): Case[] {
  return Array.from({ length: count }, (_, index) => makeCase(`c${index}`));
}

export interface CallLogEntry {
  candidate: string;
  simulationKey?: string;
  startedAt: number;
  endedAt?: number;
  outcome?: 'ok' | ErrorKind | 'aborted';
}

export type Script = (context: { request: CanonicalRequest; options: CallOptions; callIndex: number; key: string }) =>
  | { latencyMs?: number; text?: string; costUsd?: number; outputTokens?: number; rateLimit?: CallResult['rateLimit'] }
  | { latencyMs?: number; error: ErrorKind; retryAfterMs?: number; retryable?: boolean; partial?: string }
  | { hang: true };

/** A client whose behaviour per call is scripted; latency passes on the given clock. */
export function createScriptedClient(candidate: CandidateConfig, clock: RunClock, script: Script, log: CallLogEntry[] = []): ModelClient & { log: CallLogEntry[]; inFlight: number; peakInFlight: number } {
  let callIndex = 0;
  const client = {
    candidate,
    log,
    inFlight: 0,
    peakInFlight: 0,
    prepare(request: CanonicalRequest, options: { stream?: boolean } = {}): PreparedRequest {
      return { url: 'https://api.example.test/v1/chat/completions', headers: { 'content-type': 'application/json' }, body: { model: candidate.model, ...request, stream: options.stream ?? false }, warnings: [], stream: options.stream ?? false };
    },
    async call(request: CanonicalRequest, options: CallOptions = {}): Promise<CallResult> {
      const entry: CallLogEntry = { candidate: candidate.id, simulationKey: options.simulationKey, startedAt: clock.now() };
      log.push(entry);
      client.inFlight += 1;
      client.peakInFlight = Math.max(client.peakInFlight, client.inFlight);
      try {
        const step = script({ request, options, callIndex: callIndex++, key: options.simulationKey ?? '' });
        if ('hang' in step) {
          await new Promise<void>((resolve) => options.signal?.addEventListener('abort', () => resolve(), { once: true }));
          entry.outcome = 'aborted';
          throw createProviderError('timeout', 'aborted');
        }
        await clock.sleep(step.latencyMs ?? 10, options.signal);
        if (options.signal?.aborted) {
          entry.outcome = 'aborted';
          throw createProviderError('network', 'aborted');
        }
        if ('error' in step) {
          entry.outcome = step.error;
          const extra: { retryAfterMs?: number; retryable?: boolean } = {};
          if (step.retryAfterMs !== undefined) extra.retryAfterMs = step.retryAfterMs;
          if (step.retryable !== undefined) extra.retryable = step.retryable;
          throw createProviderError(step.error, `scripted ${step.error}`, extra, step.partial);
        }
        entry.outcome = 'ok';
        return {
          response: { text: step.text ?? '{"ok":true}', toolCalls: [], finishReason: 'stop', usage: { input_tokens: 10, output_tokens: step.outputTokens ?? 5 } },
          warnings: [],
          latencyMs: step.latencyMs ?? 10,
          ttftMs: 1,
          costUsd: step.costUsd ?? 0,
          priceSource: 'suite',
          ...(step.rateLimit ? { rateLimit: step.rateLimit } : {}),
        };
      } finally {
        entry.endedAt = clock.now();
        client.inFlight -= 1;
      }
    },
  };
  return client;
}

export function createMemorySink(): { attempts: Attempt[]; append(attempt: Attempt): Promise<void> } {
  const attempts: Attempt[] = [];
  return { attempts, append: async (attempt) => void attempts.push(attempt) };
}

/** A fixed token count: tests must not depend on the tokenizer loading. */
export const estimateTenTokens = () => 10;
