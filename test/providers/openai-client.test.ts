import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandidateConfig } from '../../src/config/suite-schema.js';
import { isProviderError, type ProviderError } from '../../src/core/errors.js';
import type { CanonicalRequest } from '../../src/core/types.js';
import { createModelClient, findMissingApiKeys } from '../../src/providers/index.js';
import { readFixture } from './helpers/fixtures.js';

const request: CanonicalRequest = { messages: [{ role: 'user', content: 'Say hi' }], max_tokens: 20 };
const openai: CandidateConfig = { id: 'primary', provider: 'openai', model: 'gpt-4o' };
const env = { OPENAI_API_KEY: 'sk-test-secret' };

let agent: MockAgent;
beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
});
afterEach(async () => {
  await agent.close();
});

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isProviderError(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe('OpenAI client over undici (MockAgent)', () => {
  it('sends the key only at call time and reads a JSON answer with cost and rate-limit snapshot', async () => {
    let seen: { headers: Record<string, string>; body: Record<string, unknown> } | undefined;
    agent
      .get('https://api.openai.com')
      .intercept({ path: '/v1/chat/completions', method: 'POST' })
      .reply(
        200,
        (options) => {
          seen = { headers: options.headers as Record<string, string>, body: JSON.parse(String(options.body)) };
          return readFixture('openai', 'text.json');
        },
        { headers: { 'content-type': 'application/json', 'x-ratelimit-remaining-requests': '499', 'x-ratelimit-reset-requests': '120ms' } },
      );
    const client = createModelClient({ ...openai, model: 'gpt-4.1-nano' }, { env, dispatcher: agent });
    const prepared = client.prepare(request);
    expect(JSON.stringify(prepared)).not.toContain('sk-test-secret');
    expect(prepared.headers.authorization).toBeUndefined();

    const result = await client.call(request, { stream: false });
    expect(seen?.headers.authorization).toBe('Bearer sk-test-secret');
    expect(seen?.headers['x-chainproof-key']).toBeUndefined();
    expect(seen?.body).toMatchObject({ model: 'gpt-4.1-nano', max_tokens: 20 });
    expect(result.response.text).toMatch(/Galaxy Day/);
    expect(result.warnings).toEqual([]);
    expect(result.priceSource).toBe('table');
    expect(result.costUsd).toBeGreaterThan(0);
    expect(result.rateLimit).toEqual({ remainingRequests: 499, resetRequestsMs: 120 });
    expect(result.simulated).toBeUndefined();
  });

  it('streams SSE with TTFT', async () => {
    agent
      .get('https://api.openai.com')
      .intercept({ path: '/v1/chat/completions', method: 'POST' })
      .reply(200, readFixture('openai', 'stream-text.sse.txt'), { headers: { 'content-type': 'text/event-stream' } });
    let clock = 0;
    const client = createModelClient(openai, { env, dispatcher: agent, now: () => (clock += 5) });
    const result = await client.call(request, { stream: true });
    expect(result.response.finishReason).toBe('stop');
    expect(result.response.usage.output_tokens).toBe(30);
    expect(result.ttftMs).toBeGreaterThan(0);
    expect(result.latencyMs).toBeGreaterThan(result.ttftMs!);
    expect(result.costUsd).toBeCloseTo((14 * 2.5 + 30 * 10) / 1e6, 12);
  });

  it('uses the suite price when given', async () => {
    agent
      .get('https://api.openai.com')
      .intercept({ path: '/v1/chat/completions', method: 'POST' })
      .reply(200, readFixture('openai', 'stream-text.sse.txt'));
    const client = createModelClient({ ...openai, price: { input_per_mtok: 1, output_per_mtok: 2 } }, { env, dispatcher: agent });
    const result = await client.call(request, { stream: true });
    expect(result.priceSource).toBe('suite');
    expect(result.costUsd).toBeCloseTo((14 + 60) / 1e6, 12);
  });

  it('classifies a 429 insufficient_quota as not retryable', async () => {
    agent
      .get('https://api.openai.com')
      .intercept({ path: '/v1/chat/completions', method: 'POST' })
      .reply(429, { error: { message: 'quota', type: 'insufficient_quota', code: 'insufficient_quota' } }, { headers: { 'retry-after': '3' } });
    const error = await rejection(createModelClient(openai, { env, dispatcher: agent }).call(request));
    expect(error.info).toMatchObject({ kind: 'rate_limited', retryable: false, status: 429 });
  });

  it('classifies a 429 rate_limit_exceeded as retryable after retry-after', async () => {
    agent
      .get('https://api.openai.com')
      .intercept({ path: '/v1/chat/completions', method: 'POST' })
      .reply(429, { error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' } }, { headers: { 'retry-after': '3' } });
    const error = await rejection(createModelClient(openai, { env, dispatcher: agent }).call(request, { stream: true }));
    expect(error.info).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 3000 });
  });

  it('raises auth before any request when the key is missing, naming the variable only', async () => {
    const error = await rejection(createModelClient(openai, { env: {}, dispatcher: agent }).call(request));
    expect(error.info).toMatchObject({ kind: 'auth', retryable: false });
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(findMissingApiKeys([openai, { id: 's', provider: 'simulated', model: 'm' }], {})).toEqual([{ candidateId: 'primary', variable: 'OPENAI_API_KEY' }]);
  });

  it('keeps the partial text of a stream that ends without [DONE] as a network error', async () => {
    const cut = readFixture('openai', 'stream-text.sse.txt').split('\n\n').slice(0, 4).join('\n\n') + '\n\n';
    agent.get('https://api.openai.com').intercept({ path: '/v1/chat/completions', method: 'POST' }).reply(200, cut);
    const error = await rejection(createModelClient(openai, { env, dispatcher: agent }).call(request, { stream: true }));
    expect(error.info.kind).toBe('network');
    expect(error.partialOutput).toBeTruthy();
  });

  it('turns a malformed 200 body into malformed_response', async () => {
    agent.get('https://api.openai.com').intercept({ path: '/v1/chat/completions', method: 'POST' }).reply(200, '{"choices": [');
    const error = await rejection(createModelClient(openai, { env, dispatcher: agent }).call(request));
    expect(error.info).toMatchObject({ kind: 'malformed_response', retryable: true });
  });

  it('times out slow headers as `timeout` (ttft) and rethrows a caller abort untouched', async () => {
    const pool = agent.get('https://api.openai.com');
    pool.intercept({ path: '/v1/chat/completions', method: 'POST' }).reply(200, readFixture('openai', 'text.json')).delay(2000);
    const error = await rejection(createModelClient(openai, { env, dispatcher: agent }).call(request, { ttftTimeoutMs: 30 }));
    expect(error.info).toMatchObject({ kind: 'timeout', retryable: true });

    pool.intercept({ path: '/v1/chat/completions', method: 'POST' }).reply(200, readFixture('openai', 'text.json')).delay(2000);
    const controller = new AbortController();
    const interrupted = new Error('run interrupted');
    setTimeout(() => controller.abort(interrupted), 20);
    await expect(createModelClient(openai, { env, dispatcher: agent }).call(request, { signal: controller.signal })).rejects.toBe(interrupted);
  });

  it('talks to the simulator with a dummy key, the simulation key and the simulated mark', async () => {
    let seenHeaders: Record<string, string> = {};
    agent
      .get('http://127.0.0.1:9999')
      .intercept({ path: '/openai/v1/chat/completions', method: 'POST' })
      .reply(
        200,
        (options) => {
          seenHeaders = options.headers as Record<string, string>;
          return readFixture('openai', 'text.json');
        },
        { headers: { 'x-chainproof-simulated': '1' } },
      );
    const simulated: CandidateConfig = { id: 'sim', provider: 'simulated', model: 'sim-fast' };
    expect(() => createModelClient(simulated, { env: {} })).toThrow(/simulator base URL/);
    const client = createModelClient(simulated, { env: {}, dispatcher: agent, baseUrl: 'http://127.0.0.1:9999/openai/v1' });
    const result = await client.call(request, { simulationKey: 'case-1:0:0' });
    expect(result.simulated).toBe(true);
    expect(seenHeaders['x-chainproof-key']).toBe('case-1:0:0');
    expect(seenHeaders.authorization).toBe('Bearer chainproof-simulated');
  });
});
