/**
 * The "done when": one candidate per provider against a local server speaking each wire
 * protocol (JSON and streaming), then each fault landing in the right kind with the right
 * `retryable` and `retryAfterMs`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_KINDS, type CandidateConfig, type ProviderKind } from '../../src/config/suite-schema.js';
import { isProviderError } from '../../src/core/errors.js';
import type { CanonicalRequest } from '../../src/core/types.js';
import { createModelClient, defaultApiKeyEnv } from '../../src/providers/index.js';
import { chunksToSse, readFixture } from './helpers/fixtures.js';
import { startLocalServer, type LocalServer } from './helpers/local-server.js';

type Protocol = 'openai' | 'anthropic' | 'gemini';
const seenAuth = new Map<string, string>();

const ANSWERS: Record<Protocol, { json: string; sse: string }> = {
  openai: { json: readFixture('openai', 'text.json'), sse: readFixture('openai', 'stream-text.sse.txt') },
  anthropic: { json: readFixture('anthropic', 'text.json'), sse: chunksToSse(readFixture('anthropic', 'text.chunks.txt'), false, true) },
  gemini: { json: readFixture('gemini', 'text.json'), sse: readFixture('gemini', 'stream-basic.sse.txt') },
};

interface Fault {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** Sent as a 200 stream instead of an HTTP error. */
  inStream?: boolean;
}

const FAULTS: Record<string, Fault> = {
  'openai-rate-limited': { status: 429, body: JSON.stringify({ error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' } }), headers: { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1m30s' } },
  'openai-quota': { status: 429, body: JSON.stringify({ error: { message: 'quota', type: 'insufficient_quota', code: 'insufficient_quota' } }) },
  'openai-context': { status: 400, body: JSON.stringify({ error: { message: 'too long', type: 'invalid_request_error', code: 'context_length_exceeded' } }) },
  'openai-unavailable': { status: 503, body: 'upstream unavailable', headers: { 'retry-after-ms': '250' } },
  'anthropic-overloaded': { status: 529, body: JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }) },
  'anthropic-in-stream-overloaded': {
    status: 200,
    inStream: true,
    body: 'event: message_start\ndata: {"type":"message_start","message":{"id":"m","model":"c","usage":{"input_tokens":3,"output_tokens":1}}}\n\nevent: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hal"}}\n\nevent: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
  },
  'gemini-exhausted': { status: 429, body: readFixture('gemini', 'error-429-retry-info.json') },
  'gemini-blocked': { status: 200, body: readFixture('gemini', 'prompt-blocked.json') },
  'gemini-mid-stream-error': { status: 200, inStream: true, body: readFixture('gemini', 'stream-error-mid-stream.sse.txt') },
};

function protocolOf(url: string): Protocol {
  if (url.endsWith('/chat/completions')) return 'openai';
  if (url.endsWith('/messages')) return 'anthropic';
  return 'gemini';
}

function handle(request: IncomingMessage, response: ServerResponse, body: string): void {
  const url = request.url ?? '';
  const protocol = protocolOf(url);
  const provider = url.split('/')[1] ?? '';
  seenAuth.set(provider, String(request.headers.authorization ?? request.headers['x-api-key'] ?? request.headers['x-goog-api-key'] ?? ''));
  const fault = FAULTS[String(request.headers['x-test-fault'] ?? '')];
  if (fault) {
    response.writeHead(fault.status, { 'content-type': fault.inStream ? 'text/event-stream' : 'application/json', ...fault.headers });
    response.end(fault.body);
    return;
  }
  const stream = protocol === 'gemini' ? url.includes(':streamGenerateContent') : (JSON.parse(body) as { stream?: boolean }).stream === true;
  response.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json', 'x-ratelimit-remaining-tokens': '9000' });
  response.end(stream ? ANSWERS[protocol].sse : ANSWERS[protocol].json);
}

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer(handle);
});
afterAll(async () => {
  await server.close();
});

const REAL_PROVIDERS = PROVIDER_KINDS.filter((kind): kind is Exclude<ProviderKind, 'simulated'> => kind !== 'simulated');
const request: CanonicalRequest = { messages: [{ role: 'system', content: 'Be kind.' }, { role: 'user', content: 'How are you?' }], max_tokens: 100, temperature: 0.5 };

function candidateFor(provider: Exclude<ProviderKind, 'simulated'>, extra: Partial<CandidateConfig> = {}): CandidateConfig {
  const model = provider === 'anthropic' ? 'claude-sonnet-4-5' : provider === 'gemini' ? 'gemini-2.0-flash' : 'gpt-4o';
  return { id: provider, provider, model, base_url: provider === 'anthropic' || provider === 'gemini' ? `${server.url}/${provider}` : `${server.url}/${provider}/v1`, ...(provider === 'openai-compatible' ? { api_key_env: 'LOCAL_KEY' } : {}), ...extra };
}

function envFor(provider: Exclude<ProviderKind, 'simulated'>): Record<string, string> {
  return { [defaultApiKeyEnv(provider) ?? 'LOCAL_KEY']: `key-${provider}` };
}

describe('one candidate per provider against local protocol servers', () => {
  for (const provider of REAL_PROVIDERS) {
    for (const stream of [false, true]) {
      it(`${provider} (${stream ? 'stream' : 'json'})`, async () => {
        const client = createModelClient(candidateFor(provider), { env: envFor(provider) });
        const result = await client.call(request, { stream, timeoutMs: 5000 });
        expect(result.response.text.length).toBeGreaterThan(10);
        expect(result.response.finishReason).toBe('stop');
        expect(result.response.usage.input_tokens).toBeGreaterThan(0);
        expect(result.response.usage.output_tokens).toBeGreaterThan(0);
        expect(result.response.servedModel).toBeTruthy();
        expect(result.priceSource).toBe('table');
        expect(result.costUsd).toBeGreaterThan(0);
        expect(seenAuth.get(provider)).toContain(`key-${provider}`);
        if (stream) expect(result.ttftMs).toBeGreaterThanOrEqual(0);
        if (provider === 'anthropic') expect(result.warnings).toEqual([]);
        if (provider === 'openai') expect(result.warnings).toEqual([]);
      });
    }
  }
});

describe('faults from local protocol servers', () => {
  const cases: Array<[string, Exclude<ProviderKind, 'simulated'>, boolean, Record<string, unknown>, boolean?]> = [
    ['openai-rate-limited', 'openai', false, { kind: 'rate_limited', retryable: true, retryAfterMs: 90_000, status: 429 }],
    ['openai-quota', 'groq', true, { kind: 'rate_limited', retryable: false, providerCode: 'insufficient_quota' }],
    ['openai-context', 'deepseek', false, { kind: 'context_length', retryable: false }],
    ['openai-unavailable', 'together', true, { kind: 'overloaded', retryable: true, retryAfterMs: 250 }],
    ['anthropic-overloaded', 'anthropic', false, { kind: 'overloaded', retryable: true, status: 529 }],
    ['anthropic-in-stream-overloaded', 'anthropic', true, { kind: 'overloaded', retryable: true, providerCode: 'overloaded_error' }, true],
    ['gemini-exhausted', 'gemini', false, { kind: 'rate_limited', retryable: true, retryAfterMs: 34_400 }],
    ['gemini-mid-stream-error', 'gemini', true, { kind: 'network', retryable: true, providerCode: 'CANCELLED' }, true],
  ];
  for (const [fault, provider, stream, expected, partial] of cases) {
    it(`${fault} via ${provider}`, async () => {
      const client = createModelClient(candidateFor(provider, { headers: { 'x-test-fault': fault } }), { env: envFor(provider) });
      const error = await client.call(request, { stream }).catch((caught: unknown) => caught);
      if (!isProviderError(error)) throw error;
      expect(error.info).toMatchObject(expected);
      if (partial) expect(error.partialOutput).toBeTruthy();
    });
  }

  it('a blocked Gemini prompt (HTTP 200) is a content-filter outcome, not an error', async () => {
    const client = createModelClient(candidateFor('gemini', { headers: { 'x-test-fault': 'gemini-blocked' } }), { env: envFor('gemini') });
    const result = await client.call(request, { stream: false });
    expect(result.response).toMatchObject({ finishReason: 'content_filter', rawFinishReason: 'SAFETY', text: '' });
  });
});
