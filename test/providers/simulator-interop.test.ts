/**
 * The adapters against chainproof's own simulator (a real loopback server speaking the three wire
 * protocols): every injected fault must land in the right kind, for JSON and streaming calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATED_FAULTS, type WireProtocol } from '../../src/config/suite-schema.js';
import { isProviderError } from '../../src/core/errors.js';
import { createModelClient } from '../../src/providers/index.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { RunningSimulator } from '../../src/simulator/types.js';

const latency = { p50: 5, p95: 10 };
const models = [
  { name: 'sim-ok', simulate: { quality: 1, latency_ms: latency, errors: {} } },
  ...SIMULATED_FAULTS.map((fault) => ({ name: `sim-${fault}`, simulate: { quality: 1, latency_ms: latency, errors: { [fault]: 1 } } })),
];

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startSimulator({ models: models as never, latencyScale: 0 });
});
afterAll(async () => {
  await simulator.close();
});

async function callSimulated(protocol: WireProtocol, model: string, stream: boolean) {
  const client = createModelClient({ id: model, provider: 'simulated', model, protocol }, { env: {}, baseUrl: simulator.baseUrls[protocol] });
  return client.call({ messages: [{ role: 'user', content: 'Say something' }] }, { stream, timeoutMs: 2000, ttftTimeoutMs: 200, simulationKey: `${model}:0` });
}

async function failureOf(protocol: WireProtocol, model: string, stream: boolean) {
  const error = await callSimulated(protocol, model, stream).then(() => undefined, (caught: unknown) => caught);
  if (!isProviderError(error)) throw new Error(`expected a ProviderError from ${model}, got ${String(error)}`);
  return error;
}

const EXPECTED: Record<string, Record<string, unknown>> = {
  rate_limited: { kind: 'rate_limited', retryable: true },
  server_error: { kind: 'server_error', retryable: true },
  bad_gateway: { kind: 'server_error', retryable: true, status: 502 },
  overloaded: { kind: 'overloaded', retryable: true },
  unavailable: { kind: 'overloaded', retryable: true, status: 503 },
  timeout: { kind: 'timeout', retryable: true },
  malformed_body: { kind: 'malformed_response', retryable: true },
  context_length: { kind: 'context_length', retryable: false },
  quota_exhausted: { retryable: false },
};

for (const protocol of ['openai', 'anthropic', 'gemini'] as const) {
  describe(`simulator over ${protocol}`, () => {
    for (const stream of [false, true]) {
      it(`answers and is marked simulated (${stream ? 'stream' : 'json'})`, async () => {
        const result = await callSimulated(protocol, 'sim-ok', stream);
        expect(result.simulated).toBe(true);
        expect(result.response.text.length).toBeGreaterThan(0);
        expect(result.response.finishReason).toBe('stop');
        expect(result.response.usage.output_tokens).toBeGreaterThan(0);
      });
    }

    for (const [fault, expected] of Object.entries(EXPECTED)) {
      it(`classifies ${fault}`, async () => {
        expect((await failureOf(protocol, `sim-${fault}`, false)).info).toMatchObject(expected);
        expect((await failureOf(protocol, `sim-${fault}`, true)).info).toMatchObject(expected);
      });
    }

    it('keeps partial text of a cut stream and of an in-stream error', async () => {
      const cut = await failureOf(protocol, 'sim-stream_cut', true);
      expect(cut.info.kind).toBe('network');
      expect(cut.partialOutput).toBeTruthy();
      const inStream = await failureOf(protocol, 'sim-stream_error', true);
      expect(['server_error', 'overloaded']).toContain(inStream.info.kind);
      expect(inStream.partialOutput).toBeTruthy();
    });

    it('treats a blocked prompt as content filter (an outcome on Anthropic/Gemini, Azure-style 400 on OpenAI)', async () => {
      if (protocol === 'openai') {
        expect((await failureOf(protocol, 'sim-blocked_prompt', false)).info).toMatchObject({ kind: 'content_filter', retryable: false });
        return;
      }
      for (const stream of [false, true]) expect((await callSimulated(protocol, 'sim-blocked_prompt', stream)).response.finishReason).toBe('content_filter');
    });
  });
}
