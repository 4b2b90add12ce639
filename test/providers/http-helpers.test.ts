import { describe, expect, it } from 'vitest';
import { joinUrl } from '../../src/providers/create-model-client.js';
import { classifyTransportError } from '../../src/providers/http/classify-transport-error.js';
import { parseDurationMs, parseRetryAfterMs } from '../../src/providers/http/parse-retry-after.js';
import { readRateLimit } from '../../src/providers/http/read-rate-limit.js';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('parseDurationMs', () => {
  it.each([
    ['6m0s', 360_000],
    ['1h2m3.5s', 3_723_500],
    ['20ms', 20],
    ['0.5s', 500],
    ['17', 17_000],
    ['1m30s', 90_000],
  ])('%s → %i ms', (text, ms) => expect(parseDurationMs(text)).toBe(ms));

  it('rejects text that is not a duration', () => {
    expect(parseDurationMs('soon')).toBeUndefined();
    expect(parseDurationMs('6m banana')).toBeUndefined();
    expect(parseDurationMs(undefined)).toBeUndefined();
  });
});

describe('parseRetryAfterMs', () => {
  it('prefers retry-after-ms, then retry-after seconds or HTTP date', () => {
    expect(parseRetryAfterMs({ 'retry-after-ms': '1500', 'retry-after': '9' }, now)).toBe(1500);
    expect(parseRetryAfterMs({ 'retry-after': '9' }, now)).toBe(9000);
    expect(parseRetryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:12 GMT' }, now)).toBe(12_000);
  });

  it('uses the reset of the exhausted window only', () => {
    expect(parseRetryAfterMs({ 'x-ratelimit-remaining-requests': '5', 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '6m0s' }, now)).toBe(360_000);
    expect(parseRetryAfterMs({ 'x-ratelimit-remaining-requests': '5', 'x-ratelimit-reset-requests': '1s' }, now)).toBeUndefined();
    expect(parseRetryAfterMs({ 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:05Z' }, now)).toBe(5000);
  });
});

describe('readRateLimit', () => {
  it('snapshots OpenAI-style and Anthropic-style headers', () => {
    expect(readRateLimit({ 'x-ratelimit-remaining-requests': '99', 'x-ratelimit-remaining-tokens': '15000', 'x-ratelimit-reset-requests': '600ms', 'x-ratelimit-reset-tokens': '6m0s' }, now)).toEqual({
      remainingRequests: 99,
      remainingTokens: 15_000,
      resetRequestsMs: 600,
      resetTokensMs: 360_000,
    });
    expect(readRateLimit({ 'anthropic-ratelimit-requests-remaining': '49', 'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:01Z' }, now)).toEqual({ remainingRequests: 49, resetRequestsMs: 1000 });
    expect(readRateLimit({ 'x-ratelimit-limit-requests': '500', 'x-ratelimit-limit-tokens': '30000', 'x-ratelimit-remaining-requests': '3' }, now)).toEqual({ limitRequests: 500, limitTokens: 30_000, remainingRequests: 3 });
    expect(readRateLimit({ 'anthropic-ratelimit-requests-limit': '50', 'anthropic-ratelimit-tokens-limit': '40000' }, now)).toEqual({ limitRequests: 50, limitTokens: 40_000 });
    expect(readRateLimit({ 'content-type': 'application/json' }, now)).toBeUndefined();
  });
});

describe('classifyTransportError', () => {
  it('reads codes on the error or its cause, and leaves unknown errors to be rethrown', () => {
    expect(classifyTransportError(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }))?.kind).toBe('timeout');
    expect(classifyTransportError(new Error('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }))).toMatchObject({ kind: 'network', providerCode: 'ECONNRESET' });
    expect(classifyTransportError(new TypeError('undefined is not a function'))).toBeUndefined();
  });
});

describe('joinUrl', () => {
  it('appends the path before a base query (Azure-style deployments)', () => {
    expect(joinUrl('https://api.openai.com/v1/', '/chat/completions')).toBe('https://api.openai.com/v1/chat/completions');
    expect(joinUrl('https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21', '/chat/completions')).toBe(
      'https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21',
    );
    expect(joinUrl('http://h/g?k=1', '/v1beta/models/m:streamGenerateContent?alt=sse')).toBe('http://h/g/v1beta/models/m:streamGenerateContent?k=1&alt=sse');
  });
});
