/**
 * The simulator's HTTP server: routes each provider's paths to its protocol, serves model lists
 * and stats, and stops promptly (open keep-alive sockets and pending timers are ended).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SimulateSchema, type WireProtocol } from '../config/suite-schema.js';
import { UserInputError } from '../core/errors.js';
import { handleCompletion, SIMULATED_HEADER, type SimulatorState } from './handle-completion.js';
import { anthropicProtocol } from './protocols/anthropic.js';
import { geminiProtocol } from './protocols/gemini.js';
import { openaiProtocol } from './protocols/openai.js';
import { JSON_TYPE, type ProtocolRenderer } from './protocols/protocol.js';
import { createTimerRegistry, writeWhole } from './respond.js';
import { parseScenario } from './scenario.js';
import { createRandom } from './random.js';
import { chooseListProtocol, matchCompletionPath, normalizePath, type NormalizedPath } from './routes.js';
import { createStatsRecorder } from './stats.js';
import type { RunningSimulator, SimulatedModelSpec, SimulatorOptions } from './types.js';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

export const PROTOCOLS: Record<WireProtocol, ProtocolRenderer> = { openai: openaiProtocol, anthropic: anthropicProtocol, gemini: geminiProtocol };

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const scenario = parseScenario(options.scenario ?? {});
  const models = new Map<string, SimulatedModelSpec>();
  const seen = new Set<string>();
  for (const spec of options.models) {
    if (seen.has(spec.name)) throw new UserInputError(`two simulated models are named "${spec.name}"`, { hint: 'Give each simulated model its own name.' });
    seen.add(spec.name);
  }
  for (const spec of [...options.models, ...(scenario.models ?? [])]) {
    // Parsing again fills defaults for specs built in code rather than read from a suite.
    if (!models.has(spec.name)) models.set(spec.name, { ...spec, simulate: SimulateSchema.parse(spec.simulate ?? {}) });
  }
  const clock = options.now ?? (() => performance.now());
  const startedAt = clock();
  const timers = createTimerRegistry();
  const state: SimulatorState = {
    seed: options.seed ?? scenario.seed ?? 0,
    models,
    scenario,
    latencyScale: options.latencyScale ?? 1,
    elapsedMs: () => clock() - startedAt,
    stats: createStatsRecorder(clock),
    timers,
    ordinals: new Map(),
    bodyCounts: new Map(),
  };
  const server = createServer({ keepAlive: true }, (request, response) => routeRequest(state, request, response));
  // A held request (the timeout fault) must stay open as long as the client waits.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    // The same scheme as the chain exporters use for simulated members: `<url>/<protocol>/v1`.
    baseUrls: { openai: `${url}/openai/v1`, anthropic: `${url}/anthropic/v1`, gemini: `${url}/gemini/v1beta` },
    models: [...models.keys()],
    stats: () => state.stats.snapshot(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        timers.clearAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function routeRequest(state: SimulatorState, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://simulator');
  const path = normalizePath(url.pathname);
  const method = request.method ?? 'GET';
  if (method === 'GET') return routeGet(state, request, response, path);
  if (method !== 'POST') return sendJson(response, 405, { error: { message: `Method ${method} not allowed`, type: 'invalid_request_error' } });
  const target = matchCompletionPath(path.tail);
  if (!target) return sendJson(response, 404, { error: { message: `Unknown path ${url.pathname}`, type: 'invalid_request_error', code: 'unknown_url' } });
  const protocol = PROTOCOLS[target.protocol];
  readBody(request, (error, rawBody) => {
    if (error) return sendJson(response, 413, { error: { message: error.message, type: 'invalid_request_error' } });
    // The dice key uses the normalized path: the same request through another base URL is the same request.
    const keyPath = `${target.protocol}:${path.tail}`;
    handleCompletion(state, { protocol, request, response, rawBody: rawBody!, path: keyPath, route: { pathModel: target.model, stream: target.stream, query: url.searchParams } });
  });
}

function routeGet(state: SimulatorState, request: IncomingMessage, response: ServerResponse, path: NormalizedPath): void {
  const names = [...state.models.keys()];
  if (path.tail === '/__stats') return sendJson(response, 200, state.stats.snapshot());
  if (path.tail === '/' || path.tail === '/health') return sendJson(response, 200, { status: 'ok', simulator: 'chainproof', models: names });
  const protocol = PROTOCOLS[chooseListProtocol(path, request.headers)];
  if (path.tail === '/models') return sendRaw(response, 200, protocol.renderModelList(names));
  const single = /^\/models\/(.+)$/.exec(path.tail);
  if (single) {
    const name = decodeURIComponent(single[1]!).replace(/^models\//, '');
    if (state.models.has(name)) {
      const list = JSON.parse(protocol.renderModelList([name])) as { data?: unknown[]; models?: unknown[] };
      return sendJson(response, 200, (list.data ?? list.models ?? [])[0]);
    }
    const notFound = protocol.renderUnknownModel(name, { requestId: 'req_models', random: createRandom(name) });
    return writeWhole(response, { ...notFound, headers: { ...notFound.headers, [SIMULATED_HEADER]: '1' } });
  }
  sendJson(response, 404, { error: { message: `Unknown path ${path.tail}`, type: 'invalid_request_error', code: 'unknown_url' } });
}

function readBody(request: IncomingMessage, done: (error: Error | undefined, body?: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let failed = false;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES && !failed) {
      failed = true;
      done(new Error(`Request body larger than ${MAX_BODY_BYTES} bytes`));
    }
    if (!failed) chunks.push(chunk);
  });
  request.on('end', () => {
    if (!failed) done(undefined, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  });
}

function sendJson(response: ServerResponse, status: number, payload: unknown): void {
  sendRaw(response, status, JSON.stringify(payload));
}

function sendRaw(response: ServerResponse, status: number, body: string): void {
  writeWhole(response, { status, headers: { 'content-type': JSON_TYPE, [SIMULATED_HEADER]: '1' }, body });
}
