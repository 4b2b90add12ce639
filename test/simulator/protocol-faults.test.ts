import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATED_FAULTS, type SimulatedFault, type WireProtocol } from '../../src/config/suite-schema.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

/** What each provider sends for each fault: status, and a marker of its own error body. */
const EXPECTED: Record<WireProtocol, Partial<Record<SimulatedFault, [number, RegExp]>>> = {
  openai: {
    rate_limited: [429, /"code": "rate_limit_exceeded"/],
    quota_exhausted: [429, /"code": "insufficient_quota"/],
    server_error: [500, /"type": "server_error"/],
    bad_gateway: [502, /502 Bad Gateway/],
    unavailable: [503, /overloaded/],
    overloaded: [503, /overloaded/],
    context_length: [400, /context_length_exceeded/],
    blocked_prompt: [400, /content_filter/],
  },
  anthropic: {
    rate_limited: [429, /"type":"rate_limit_error"/],
    quota_exhausted: [400, /credit balance is too low/],
    server_error: [500, /"type":"api_error"/],
    bad_gateway: [502, /502 Bad Gateway/],
    unavailable: [503, /"type":"api_error"/],
    overloaded: [529, /"type":"overloaded_error"/],
    context_length: [400, /prompt is too long: \d+ tokens > \d+ maximum/],
    blocked_prompt: [200, /"stop_reason":"refusal"/],
  },
  gemini: {
    rate_limited: [429, /RetryInfo/],
    quota_exhausted: [429, /PerDay/],
    server_error: [500, /"status": "INTERNAL"/],
    bad_gateway: [502, /502 Bad Gateway/],
    unavailable: [503, /"status": "UNAVAILABLE"/],
    overloaded: [503, /"status": "UNAVAILABLE"/],
    context_length: [400, /The input token count \(\d+\) exceeds the maximum/],
    blocked_prompt: [200, /"blockReason":"SAFETY"/],
  },
};

function request(simulator: RunningSimulator, protocol: WireProtocol, model: string, stream = false): Promise<Response> {
  const json = { 'content-type': 'application/json' };
  if (protocol === 'openai') {
    return fetch(`${simulator.baseUrls.openai}/chat/completions`, { method: 'POST', headers: json, body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'Hello there, how are you?' }] }) });
  }
  if (protocol === 'anthropic') {
    return fetch(`${simulator.url}/v1/messages`, {
      method: 'POST',
      headers: { ...json, 'x-api-key': 'k', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model, stream, max_tokens: 200, messages: [{ role: 'user', content: 'Hello there, how are you?' }] }),
    });
  }
  const method = stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
  return fetch(`${simulator.url}/v1beta/models/${model}:${method}`, { method: 'POST', headers: { ...json, 'x-goog-api-key': 'k' }, body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Hello there, how are you?' }] }] }) });
}

describe('every fault on every protocol', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({
      latencyScale: 0,
      models: SIMULATED_FAULTS.map((fault) => ({ name: `m-${fault}`, simulate: { quality: 1, latency_ms: { p50: 0, p95: 0 }, errors: { [fault]: 1 }, slow_first_byte_ms: 1 } })),
    });
  });
  afterAll(() => simulator.close());

  for (const protocol of ['openai', 'anthropic', 'gemini'] as const) {
    for (const [fault, [status, marker]] of Object.entries(EXPECTED[protocol])) {
      it(`${protocol} ${fault} → ${status}`, async () => {
        const response = await request(simulator, protocol, `m-${fault}`);
        expect(response.status).toBe(status);
        expect(response.headers.get('x-chainproof-simulated')).toBe('1');
        expect(await response.text()).toMatch(marker);
      });
    }

    it(`${protocol} stream_cut drops the connection mid-stream`, async () => {
      const response = await request(simulator, protocol, 'm-stream_cut', true);
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
    });

    it(`${protocol} stream_error sends an error event inside a 200 stream`, async () => {
      const response = await request(simulator, protocol, 'm-stream_error', true);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(protocol === 'anthropic' ? /event: error\ndata: \{"type":"error"/ : /data: \{"error":/);
    });

    it(`${protocol} malformed_body sends an SSE event that is not JSON`, async () => {
      const response = await request(simulator, protocol, 'm-malformed_body', true);
      const events = (await response.text()).split(/\r?\n/).filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]');
      expect(events.some((line) => { try { JSON.parse(line.slice(6)); return false; } catch { return true; } })).toBe(true);
    });

    it(`${protocol} refusal and slow_first_byte still answer 200`, async () => {
      const refusal = await request(simulator, protocol, 'm-refusal');
      expect(refusal.status).toBe(200);
      expect(await refusal.text()).toMatch(/sorry|unable/i);
      expect((await request(simulator, protocol, 'm-slow_first_byte')).status).toBe(200);
    });
  }
});
