import { afterEach, describe, expect, it } from 'vitest';
import type { CandidateConfig } from '../../src/config/suite-schema.js';
import { isProviderError, type ProviderError } from '../../src/core/errors.js';
import type { CanonicalRequest } from '../../src/core/types.js';
import { createModelClient } from '../../src/providers/index.js';
import { readFixture } from './helpers/fixtures.js';
import { sleep, startLocalServer, type Handler, type LocalServer } from './helpers/local-server.js';

const request: CanonicalRequest = { messages: [{ role: 'user', content: 'hi' }] };
const env = { OPENAI_API_KEY: 'sk-local' };
const sseEvents = readFixture('openai', 'stream-text.sse.txt').split('\n\n').filter((event) => event.trim() !== '');

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(handler: Handler) {
  server = await startLocalServer(handler);
  const candidate: CandidateConfig = { id: 'local', provider: 'openai', model: 'gpt-4o', base_url: `${server.url}/v1` };
  return createModelClient(candidate, { env });
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!isProviderError(error)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe('HTTP faults against a real node:http server', () => {
  it('a socket reset before any answer is a retryable network error', async () => {
    const client = await clientFor((incoming) => {
      incoming.socket.destroy();
    });
    const error = await rejection(client.call(request, { stream: false }));
    expect(error.info).toMatchObject({ kind: 'network', retryable: true });
    expect(error.info.providerCode).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
  });

  it('slow headers trip the time-to-first-token timeout', async () => {
    const client = await clientFor(async (_incoming, response) => {
      await sleep(1500);
      if (!response.destroyed) response.end('{}');
    });
    const error = await rejection(client.call(request, { stream: false, ttftTimeoutMs: 50 }));
    expect(error.info).toMatchObject({ kind: 'timeout', retryable: true, providerCode: 'ttft-timeout' });
  });

  it('a stream cut mid-way is network with the partial text kept', async () => {
    const client = await clientFor(async (_incoming, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const event of sseEvents.slice(0, 5)) response.write(`${event}\n\n`);
      await sleep(20);
      response.socket?.destroy();
    });
    const error = await rejection(client.call(request, { stream: true }));
    expect(error.info.kind).toBe('network');
    expect(error.partialOutput).toBeTruthy();
  });

  it('a stream that ends cleanly without its final event is network with the partial text kept', async () => {
    const client = await clientFor((_incoming, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(sseEvents.slice(0, 5).map((event) => `${event}\n\n`).join(''));
    });
    const error = await rejection(client.call(request, { stream: true }));
    expect(error.info).toMatchObject({ kind: 'network', message: 'the stream ended before its final event' });
    expect(error.partialOutput).toBeTruthy();
  });

  it('a stream that stalls after some tokens hits the call timeout and keeps its partial text', async () => {
    const client = await clientFor(async (_incoming, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const event of sseEvents.slice(0, 4)) response.write(`${event}\n\n`);
      await sleep(1500);
      if (!response.destroyed) response.end();
    });
    const error = await rejection(client.call(request, { stream: true, timeoutMs: 150, ttftTimeoutMs: 100 }));
    expect(error.info).toMatchObject({ kind: 'timeout', providerCode: 'call-timeout' });
    expect(error.partialOutput).toBeTruthy();
  });

  it('an interrupted run rethrows the caller reason mid-stream, not a model failure', async () => {
    const client = await clientFor(async (_incoming, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(`${sseEvents[1]}\n\n`);
      await sleep(1500);
      if (!response.destroyed) response.end();
    });
    const controller = new AbortController();
    const reason = new Error('interrupted');
    setTimeout(() => controller.abort(reason), 50);
    await expect(client.call(request, { stream: true, signal: controller.signal })).rejects.toBe(reason);
    const aborted = AbortSignal.abort();
    const error = await client.call(request, { stream: true, signal: aborted }).catch((caught: unknown) => caught);
    expect(isProviderError(error)).toBe(false);
    expect((error as Error).name).toBe('AbortError');
  });

  it('an SSE keep-alive comment before the first token does not count as the first token', async () => {
    server = await startLocalServer(async (_incoming, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(': OPENROUTER PROCESSING\n\n');
      await sleep(40);
      response.end(sseEvents.map((event) => `${event}\n\n`).join(''));
    });
    const client = createModelClient({ id: 'or', provider: 'openrouter', model: 'x', base_url: `${server.url}/api/v1` }, { env: { OPENROUTER_API_KEY: 'k' } });
    const result = await client.call(request, { stream: true });
    expect(result.response.finishReason).toBe('stop');
    // A lower bound set by the server's own pause, not a performance assertion.
    expect(result.ttftMs).toBeGreaterThanOrEqual(30);
  });
});
