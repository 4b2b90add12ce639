import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatedFault } from '../../src/config/suite-schema.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

let running: RunningSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function startWithFault(fault: SimulatedFault, latencyScale = 0): Promise<RunningSimulator> {
  running = await startSimulator({ latencyScale, models: [{ name: 'm', simulate: { quality: 1, latency_ms: { p50: 10, p95: 20 }, errors: { [fault]: 1 } } }] });
  return running;
}

function postChat(simulator: RunningSimulator, body: Record<string, unknown> = {}, init: RequestInit = {}): Promise<Response> {
  return fetch(`${simulator.baseUrls.openai}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
    body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'Hello there' }], ...body }),
    ...init,
  });
}

describe('OpenAI faults on the wire', () => {
  it('rate_limited: 429 with retry-after and the rate_limit_exceeded body', async () => {
    const simulator = await startWithFault('rate_limited', 1);
    const response = await postChat(simulator);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers.get('retry-after-ms'))).toBeGreaterThanOrEqual(500);
    expect(response.headers.get('x-chainproof-simulated')).toBe('1');
    const body = (await response.json()) as { error: { code: string; type: string; message: string } };
    expect(body.error.code).toBe('rate_limit_exceeded');
    expect(body.error.message).toMatch(/^Rate limit reached for m/);
  });

  it('quota_exhausted: 429 insufficient_quota without retry-after', async () => {
    const simulator = await startWithFault('quota_exhausted');
    const response = await postChat(simulator);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('insufficient_quota');
  });

  it.each([
    ['server_error', 500],
    ['unavailable', 503],
    ['overloaded', 503],
    ['bad_gateway', 502],
    ['context_length', 400],
    ['blocked_prompt', 400],
  ] as const)('%s answers %i', async (fault, status) => {
    const simulator = await startWithFault(fault);
    const response = await postChat(simulator);
    expect(response.status).toBe(status);
    const text = await response.text();
    if (fault === 'bad_gateway') expect(text).toContain('502 Bad Gateway');
    else expect((JSON.parse(text) as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
  });

  it('timeout: no headers until the client gives up', async () => {
    const simulator = await startWithFault('timeout');
    const started = Date.now();
    const error = await postChat(simulator, {}, { signal: AbortSignal.timeout(150) }).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('close() ends promptly even with a held request open', async () => {
    const simulator = await startWithFault('timeout');
    const pending = postChat(simulator).catch((caught: unknown) => caught);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = Date.now();
    await simulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('malformed_body: 200 with a body that is not valid JSON', async () => {
    const simulator = await startWithFault('malformed_body');
    const response = await postChat(simulator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('stream_cut: the stream stops without [DONE] and the socket drops', async () => {
    const simulator = await startWithFault('stream_cut');
    const response = await postChat(simulator, { stream: true });
    expect(response.status).toBe(200);
    const error = await response.text().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
  });

  it('stream_error: an error event inside a 200 stream', async () => {
    const simulator = await startWithFault('stream_error');
    const response = await postChat(simulator, { stream: true });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/data: \{"error":\{"message":"The server had an error/);
    expect(text).not.toContain('[DONE]');
  });

  it('refusal: a 200 answer that refuses', async () => {
    const simulator = await startWithFault('refusal');
    const response = await postChat(simulator);
    const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]!.message.content).toMatch(/sorry|unable/i);
  });

  it('slow_first_byte delays the headers by slow_first_byte_ms', async () => {
    running = await startSimulator({ latencyScale: 1, models: [{ name: 'm', simulate: { quality: 1, latency_ms: { p50: 0, p95: 0 }, errors: { slow_first_byte: 1 }, slow_first_byte_ms: 300 } }] });
    const started = Date.now();
    const response = await postChat(running);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('context_length: prompts over the context window fail without any rate', async () => {
    running = await startSimulator({ latencyScale: 0, models: [{ name: 'm', simulate: { quality: 1, latency_ms: { p50: 0, p95: 0 }, errors: {}, context_window: 10 } }] });
    expect((await postChat(running)).status).toBe(200);
    const long = await postChat(running, { messages: [{ role: 'user', content: 'word '.repeat(20) }] });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { code: string } }).error.code).toBe('context_length_exceeded');
  });
});
