/**
 * The real open-source Portkey gateway, configured by chainproof's own exporter, in front of
 * chainproof's simulator: each scripted fault reaches the gateway as the real provider sends it
 * (status, headers, error body), and the gateway falls over along the exported chain. The
 * simulator's GET /__stats says which model was asked what, and which one answered.
 *
 * The last case is the limit of any status-code gateway (PROVIDERS.md, lesson 3): an error event
 * inside a 200 stream is already "success" by the time it arrives, so the gateway passes the
 * broken stream to the client and never tries the next member. That is why chainproof scores
 * in-stream failures itself instead of trusting the chain's fallback to catch them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportChain } from '../../src/chain/export-chain.js';
import { fillPortkeyKeys } from '../../src/chain/exporters/portkey.js';
import type { PortkeyConfig } from '../../src/chain/exporters/portkey-schema.js';
import type { RunRecordFile } from '../../src/record/types.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { ModelStats, SimulatorStats } from '../../src/simulator/stats.js';
import type { RunningSimulator, SimulatedModelSpec } from '../../src/simulator/types.js';
import { startPortkeyGateway, type RunningGateway } from '../helpers/portkey-gateway.js';
import { cloneRecord, DEMO_RUN, loadRun } from '../helpers/run-fixtures.js';

type Protocol = 'openai' | 'anthropic';

/** The first two share a cloud: one outage there takes both down at once. */
const MODELS: SimulatedModelSpec[] = [
  { name: 'sim-primary', infra: { cloud: 'shared-east' }, simulate: { quality: 1, latency_ms: { p50: 20, p95: 40 }, errors: {} } },
  { name: 'sim-second', infra: { cloud: 'shared-east' }, simulate: { quality: 1, latency_ms: { p50: 20, p95: 40 }, errors: {} } },
  { name: 'sim-third', infra: { cloud: 'other-west' }, simulate: { quality: 1, latency_ms: { p50: 20, p95: 40 }, errors: {} } },
];
const CHAIN = ['primary', 'second', 'third'];
const ENV = { CHAINPROOF_SIM_API_KEY: 'sk-sim-gateway-0001' };

/** The run the chain came from: the three simulated models qualified, in this order. */
function buildRecord(base: RunRecordFile, protocols: Protocol[], retries: number): RunRecordFile {
  const record = cloneRecord(base);
  record.candidates = CHAIN.map((id, index) => ({
    id,
    provider: 'simulated',
    protocol: protocols[index]!,
    model: `sim-${id}`,
    params: { temperature: 0 },
    price_source: 'none',
    infra: MODELS[index]!.infra,
    simulated: true,
    timeout_ms: 30_000,
  }));
  const template = record.summary.scorecards[0]!;
  // A fast measured tail exports the shortest request_timeout (1 s), which the timeout case exceeds.
  record.summary.scorecards = CHAIN.map((id) => ({ ...template, candidate_id: id, latency_ms: { n: 60, p50: 30, p95: 60, p99: 80, mean: 35 }, errors_by_kind: {} }));
  record.summary.proposed_chain = CHAIN;
  record.run_options = { ...record.run_options, retries };
  return record;
}

interface GatewayAnswer {
  status: number;
  headers: Headers;
  body: string;
  /** The `model` the client got back (what the serving upstream wrote). */
  model: string | undefined;
  usedTarget: string | null;
  elapsedMs: number;
}

describe('the exported Portkey chain in the real gateway, in front of the simulator', () => {
  let base: RunRecordFile;
  let gateway: RunningGateway | undefined;
  let simulator: RunningSimulator | undefined;

  beforeAll(async () => {
    ({ record: base } = await loadRun(DEMO_RUN));
    gateway = await startPortkeyGateway();
    if (!gateway) console.warn('SKIPPED: the Portkey gateway (@portkey-ai/gateway) could not start on loopback');
  }, 30_000);

  afterAll(() => gateway?.stop());

  afterEach(async () => {
    await simulator?.close();
    simulator = undefined;
  });

  /** A fresh simulator with this scenario, and the exported config pointed at it. */
  async function setUp(scenario: unknown, protocols: Protocol[] = ['openai', 'openai', 'openai'], retries = 1): Promise<{ config: PortkeyConfig; header: string }> {
    // A small latency scale, not 0: rate limits still carry a retry-after of at least a second.
    simulator = await startSimulator({ models: MODELS, scenario, seed: 7, latencyScale: 0.01 });
    const exported = exportChain(buildRecord(base, protocols, retries), 'portkey', { simulatorUrl: simulator.url });
    const config = JSON.parse(exported.content) as PortkeyConfig;
    return { config, header: JSON.stringify(fillPortkeyKeys(config, ENV)) };
  }

  async function ask(header: string, stream = false): Promise<GatewayAnswer> {
    const started = Date.now();
    const response = await fetch(`${gateway!.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-portkey-config': header },
      body: JSON.stringify({ model: 'set-by-the-config', messages: [{ role: 'user', content: 'Where is my parcel?' }], stream }),
    });
    const body = await response.text();
    const model = stream ? /"model":\s*"([^"]+)"/.exec(body)?.[1] : (JSON.parse(body) as { model?: string }).model;
    return { status: response.status, headers: response.headers, body, model, usedTarget: response.headers.get('x-portkey-last-used-option-index'), elapsedMs: Date.now() - started };
  }

  async function readStats(): Promise<SimulatorStats['models']> {
    const response = await fetch(`${simulator!.url}/__stats`);
    return ((await response.json()) as SimulatorStats).models;
  }

  function countsOf(stats: ModelStats | undefined): Pick<ModelStats, 'requests' | 'byStatus' | 'byFault'> | undefined {
    return stats && { requests: stats.requests, byStatus: stats.byStatus, byFault: stats.byFault };
  }

  it('exports custom hosts on the simulator, a 1 s timeout and one retry', async ({ skip }) => {
    if (!gateway) skip();
    const { config } = await setUp({}, ['anthropic', 'openai', 'openai']);
    expect(config.targets.map((target) => target.custom_host)).toEqual([simulator!.baseUrls.anthropic, simulator!.baseUrls.openai, simulator!.baseUrls.openai]);
    expect(config.targets.every((target) => target.custom_host!.endsWith('/v1'))).toBe(true);
    expect(config.targets.map((target) => [target.provider, target.request_timeout, target.retry?.attempts])).toEqual([
      ['anthropic', 1000, 1],
      ['openai', 1000, 1],
      ['openai', 1000, 1],
    ]);
  });

  it('serves from the primary when nothing fails', async ({ skip }) => {
    if (!gateway) skip();
    const { header } = await setUp({});
    const answer = await ask(header);
    expect(answer).toMatchObject({ status: 200, model: 'sim-primary', usedTarget: 'config.targets[0]' });
    const stats = await readStats();
    expect(countsOf(stats['sim-primary'])).toEqual({ requests: 1, byStatus: { 200: 1 }, byFault: {} });
    expect(stats['sim-second']).toBeUndefined();
  });

  it.for([
    { fault: 'unavailable', status: 503 },
    { fault: 'rate_limited', status: 429 },
    { fault: 'server_error', status: 500 },
    { fault: 'overloaded', status: 503 },
  ])('falls over to the second model when the primary answers $fault ($status), after the exported retry', async ({ fault, status }, { skip }) => {
    if (!gateway) skip();
    const { header } = await setUp({ faults: [{ model: 'sim-primary', fault }] });
    const answer = await ask(header);
    expect(answer).toMatchObject({ status: 200, model: 'sim-second', usedTarget: 'config.targets[1]' });
    const stats = await readStats();
    expect(countsOf(stats['sim-primary'])).toEqual({ requests: 2, byStatus: { [status]: 2 }, byFault: { [fault]: 2 } });
    expect(countsOf(stats['sim-second'])).toEqual({ requests: 1, byStatus: { 200: 1 }, byFault: {} });
    expect(stats['sim-third']).toBeUndefined();
  });

  it('falls over from an Anthropic primary answering 529 overloaded_error to an OpenAI second', async ({ skip }) => {
    if (!gateway) skip();
    const { header } = await setUp({ faults: [{ model: 'sim-primary', fault: 'overloaded' }] }, ['anthropic', 'openai', 'openai']);
    const answer = await ask(header);
    expect(answer).toMatchObject({ status: 200, model: 'sim-second', usedTarget: 'config.targets[1]' });
    const stats = await readStats();
    expect(countsOf(stats['sim-primary'])).toEqual({ requests: 2, byStatus: { 529: 2 }, byFault: { overloaded: 2 } });
    expect(countsOf(stats['sim-second'])).toEqual({ requests: 1, byStatus: { 200: 1 }, byFault: {} });
  });

  it('falls over when the primary sends no headers at all: the gateway times out at request_timeout (its own 408)', async ({ skip }) => {
    if (!gateway) skip();
    const { header } = await setUp({ faults: [{ model: 'sim-primary', fault: 'timeout' }] });
    const answer = await ask(header);
    expect(answer).toMatchObject({ status: 200, model: 'sim-second', usedTarget: 'config.targets[1]' });
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(1000);
    const stats = await readStats();
    // 408 is a fallback code but not a retry code: one held request, then the next member.
    expect(countsOf(stats['sim-primary'])).toEqual({ requests: 1, byStatus: {}, byFault: { timeout: 1 } });
    expect(countsOf(stats['sim-second'])).toEqual({ requests: 1, byStatus: { 200: 1 }, byFault: {} });
  });

  it('survives a correlated outage: one infra tag takes the first two members down, the third answers', async ({ skip }) => {
    if (!gateway) skip();
    const { header } = await setUp({ outages: [{ infra: { cloud: 'shared-east' }, start_ms: 0, end_ms: 60_000 }] });
    const answer = await ask(header);
    expect(answer).toMatchObject({ status: 200, model: 'sim-third', usedTarget: 'config.targets[2]' });
    const stats = await readStats();
    expect(countsOf(stats['sim-primary'])).toEqual({ requests: 2, byStatus: { 503: 2 }, byFault: { unavailable: 2 } });
    expect(countsOf(stats['sim-second'])).toEqual({ requests: 2, byStatus: { 503: 2 }, byFault: { unavailable: 2 } });
    expect(countsOf(stats['sim-third'])).toEqual({ requests: 1, byStatus: { 200: 1 }, byFault: {} });
  });

  it("relays the last member's 429 as OpenAI sends it when the whole chain is rate limited", async ({ skip }) => {
    if (!gateway) skip();
    // No retries in this run's export: the test is about what reaches the client, not the backoff.
    const { header } = await setUp({ faults: [{ fault: 'rate_limited' }] }, undefined, 0);
    const answer = await ask(header);
    expect(answer).toMatchObject({ status: 429, usedTarget: 'config.targets[2]' });
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(answer.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(answer.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    const error = (JSON.parse(answer.body) as { error: { type: string; code: string; message: string } }).error;
    expect(error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    expect(error.message).toContain('Rate limit reached for sim-third');
    const stats = await readStats();
    expect(['sim-primary', 'sim-second', 'sim-third'].map((name) => countsOf(stats[name]))).toEqual(
      Array(3).fill({ requests: 1, byStatus: { 429: 1 }, byFault: { rate_limited: 1 } }),
    );
  });

  it('does NOT fall over on an error event inside a 200 stream: the client gets the broken stream (why chainproof scores in-stream failures itself)', async ({ skip }) => {
    if (!gateway) skip();
    const { header } = await setUp({ faults: [{ model: 'sim-primary', fault: 'stream_error' }] });
    const answer = await ask(header, true);
    expect(answer).toMatchObject({ status: 200, model: 'sim-primary', usedTarget: 'config.targets[0]' });
    expect(answer.body).toMatch(/data: \{"error":\{"message":"The server had an error/);
    expect(answer.body).not.toContain('data: [DONE]');
    const stats = await readStats();
    expect(countsOf(stats['sim-primary'])).toEqual({ requests: 1, byStatus: { 200: 1 }, byFault: { stream_error: 1 } });
    expect(stats['sim-second']).toBeUndefined();
  });
});
