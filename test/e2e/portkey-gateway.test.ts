/**
 * The exported Portkey config run by the real open-source gateway (npm @portkey-ai/gateway) on
 * loopback, against a local OpenAI-compatible upstream: when the primary fails (503, 429, a
 * timeout) the gateway serves from the next target in the exported order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportChain } from '../../src/chain/export-chain.js';
import { fillPortkeyKeys } from '../../src/chain/exporters/portkey.js';
import type { PortkeyConfig } from '../../src/chain/exporters/portkey-schema.js';
import type { RunRecordFile } from '../../src/record/types.js';
import { cloneRecord, loadRun, REAL_RUN } from '../helpers/run-fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..', '..');
type Behaviour = 'ok' | '503' | '429' | 'hang';

const behaviour = new Map<string, Behaviour>();
const hits: Array<{ model: string; authorization: string | undefined }> = [];
const pendingHangs = new Set<http.ServerResponse>();

/** A tiny OpenAI-compatible upstream whose models fail on command. */
function startUpstream(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const model = (JSON.parse(body || '{}') as { model?: string }).model ?? '?';
      hits.push({ model, authorization: request.headers.authorization });
      const mode = behaviour.get(model) ?? 'ok';
      if (mode === 'hang') {
        pendingHangs.add(response);
        return;
      }
      if (mode !== 'ok') {
        response.writeHead(Number(mode), { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `${model} says ${mode}`, type: 'server_error' } }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: `chatcmpl-${hits.length}`,
          object: 'chat.completion',
          created: 1,
          model,
          choices: [{ index: 0, message: { role: 'assistant', content: `answered by ${model}` }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 },
        }),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startGateway(port: number): Promise<ChildProcess | undefined> {
  const child = spawn(process.execPath, [path.join(here, 'portkey-launch.mjs'), `--port=${port}`], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && !exited) {
    const ready = await fetch(`http://127.0.0.1:${port}/`).then(
      async (response) => (await response.text()).includes('AI Gateway'),
      () => false,
    );
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  return undefined;
}

/** A run whose proposed chain is three OpenAI-compatible members behind the local upstream. */
function buildRecord(base: RunRecordFile, upstreamPort: number): RunRecordFile {
  const record = cloneRecord(base);
  const ids = ['primary', 'second', 'third'];
  record.candidates = ids.map((id) => ({
    id,
    provider: 'openai-compatible',
    model: `model-${id}`,
    base_url: `http://127.0.0.1:${upstreamPort}/v1`,
    api_key_env: `FAKE_${id.toUpperCase()}_KEY`,
    params: { temperature: 0 },
    price_source: 'none',
    simulated: false,
    timeout_ms: 30_000,
  }));
  const template = record.summary.scorecards[0]!;
  record.summary.scorecards = ids.map((id) => ({ ...template, candidate_id: id, latency_ms: { n: 60, p50: 80, p95: 200, p99: 300, mean: 100 }, errors_by_kind: {} }));
  record.summary.proposed_chain = ids;
  record.run_options = { ...record.run_options, retries: 1 };
  return record;
}

const ENV = { FAKE_PRIMARY_KEY: 'key-primary-0001', FAKE_SECOND_KEY: 'key-second-0002', FAKE_THIRD_KEY: 'key-third-0003' };

describe('the exported Portkey config in the real gateway', () => {
  let upstream: http.Server;
  let gateway: ChildProcess | undefined;
  let gatewayUrl = '';
  let header = '';
  let config: PortkeyConfig;

  beforeAll(async () => {
    upstream = await startUpstream();
    const { port } = upstream.address() as AddressInfo;
    const { record } = await loadRun(REAL_RUN);
    config = JSON.parse(exportChain(buildRecord(record, port), 'portkey').content) as PortkeyConfig;
    header = JSON.stringify(fillPortkeyKeys(config, ENV));
    const gatewayPort = await freePort();
    gateway = await startGateway(gatewayPort);
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    if (!gateway) console.warn('SKIPPED: the Portkey gateway (@portkey-ai/gateway) could not start on loopback');
  }, 30_000);

  afterAll(async () => {
    gateway?.kill('SIGTERM');
    for (const response of pendingHangs) response.destroy();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  beforeEach(() => {
    behaviour.clear();
    hits.length = 0;
  });

  async function ask(): Promise<{ status: number; content: string; servedBy: string | null }> {
    const response = await fetch(`${gatewayUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-portkey-config': header },
      body: JSON.stringify({ model: 'set-by-the-config', messages: [{ role: 'user', content: 'hello' }] }),
    });
    const body = (await response.json()) as { choices?: Array<{ message: { content: string } }> };
    return { status: response.status, content: body.choices?.[0]?.message.content ?? JSON.stringify(body), servedBy: response.headers.get('x-portkey-last-used-option-index') };
  }

  it('exports a timeout the test can exceed, with one retry', ({ skip }) => {
    if (!gateway) skip();
    expect(config.targets.map((target) => target.request_timeout)).toEqual([1000, 1000, 1000]);
    expect(config.targets[0]!.retry?.attempts).toBe(1);
  });

  it('serves from the primary when it answers, with the primary key', async ({ skip }) => {
    if (!gateway) skip();
    const result = await ask();
    expect(result).toMatchObject({ status: 200, content: 'answered by model-primary' });
    expect(hits).toEqual([{ model: 'model-primary', authorization: 'Bearer key-primary-0001' }]);
  });

  it('falls over to the second target when the primary returns 503 (after its retry)', async ({ skip }) => {
    if (!gateway) skip();
    behaviour.set('model-primary', '503');
    const result = await ask();
    expect(result).toMatchObject({ status: 200, content: 'answered by model-second', servedBy: 'config.targets[1]' });
    expect(hits.map((hit) => hit.model)).toEqual(['model-primary', 'model-primary', 'model-second']);
    expect(hits.at(-1)!.authorization).toBe('Bearer key-second-0002');
  });

  it('falls over when the primary is rate limited (429)', async ({ skip }) => {
    if (!gateway) skip();
    behaviour.set('model-primary', '429');
    const result = await ask();
    expect(result).toMatchObject({ status: 200, content: 'answered by model-second' });
  });

  it('falls over when the primary hangs past the exported request_timeout (the gateway answers 408 to itself)', async ({ skip }) => {
    if (!gateway) skip();
    behaviour.set('model-primary', 'hang');
    const started = Date.now();
    const result = await ask();
    expect(result).toMatchObject({ status: 200, content: 'answered by model-second' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(hits.map((hit) => hit.model)).toEqual(['model-primary', 'model-second']);
  });

  it('keeps the exported order: primary and second down, the third answers', async ({ skip }) => {
    if (!gateway) skip();
    behaviour.set('model-primary', '503');
    behaviour.set('model-second', '429');
    const result = await ask();
    expect(result).toMatchObject({ status: 200, content: 'answered by model-third', servedBy: 'config.targets[2]' });
    expect(hits.map((hit) => hit.model).filter((model, index, all) => all.indexOf(model) === index)).toEqual(['model-primary', 'model-second', 'model-third']);
  });
});
