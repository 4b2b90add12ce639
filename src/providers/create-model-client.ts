/**
 * A ModelClient for one candidate: `prepare` is pure (wire body + warnings, no secrets), `call`
 * adds the key and custom headers at send time, runs the adapter over the HTTP function and
 * prices what served the request.
 */
import { createProviderError, isProviderError, UserInputError } from '../core/errors.js';
import type { CandidateConfig } from '../config/suite-schema.js';
import type { CanonicalRequest } from '../core/types.js';
import type { AdapterContext, ProviderAdapter } from './adapter.js';
import { apiKeyEnvFor } from './api-keys.js';
import { applyCandidateOverrides } from '../prompts/apply-candidate-overrides.js';
import { executeCall } from './engine/execute-call.js';
import { readRateLimit } from './http/read-rate-limit.js';
import { sendHttpRequest, type SendHttpRequest } from './http/send-http-request.js';
import { priceResponse } from './pricing/price-usage.js';
import { collectSecretValues, redactProviderError } from './redact-secrets.js';
import { resolveAdapter } from './resolve-adapter.js';
import type { CallOptions, CallResult, CreateClientOptions, ModelClient, PreparedRequest } from './types.js';

/** Sent to the simulator, which ignores it; a real key never goes to a simulated candidate. */
const SIMULATED_API_KEY = 'chainproof-simulated';

export function createModelClient(candidate: CandidateConfig, options: CreateClientOptions): ModelClient {
  const adapter = resolveAdapter(candidate);
  const baseUrl = resolveBaseUrl(candidate, options, adapter);
  const now = options.now ?? (() => performance.now());
  const send: SendHttpRequest = options.send ?? sendHttpRequest;

  const prepare = (request: CanonicalRequest, prepareOptions: { stream?: boolean } = {}): PreparedRequest => {
    const stream = prepareOptions.stream ?? candidate.stream ?? options.stream ?? false;
    const transformed = options.transformRequest ? options.transformRequest(request, candidate) : request;
    const overridden = applyCandidateOverrides(transformed, candidate);
    const context: AdapterContext = { model: candidate.model, stream, rawParamKeys: overridden.rawParamKeys };
    if (candidate.reasoning !== undefined) context.reasoning = candidate.reasoning;
    const wire = adapter.toRequest(overridden.request, context);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
      ...wire.headers,
      // Custom headers are shown unexpanded (`${VAR}`): their values may be secrets.
      ...lowerCaseKeys(candidate.headers ?? {}),
    };
    return { url: joinUrl(baseUrl, wire.path), headers, body: wire.body, warnings: wire.warnings, stream };
  };

  const call = async (request: CanonicalRequest, callOptions: CallOptions = {}): Promise<CallResult> => {
    const prepared = prepare(request, callOptions.stream === undefined ? {} : { stream: callOptions.stream });
    const secretHeaders = { ...expandHeaders(candidate.headers ?? {}, options.env), ...authHeaders(candidate, adapter, options.env) };
    const secrets = collectSecretValues(secretHeaders);
    const simulated = candidate.provider === 'simulated';
    if (simulated && callOptions.simulationKey !== undefined) secretHeaders['x-chainproof-key'] = callOptions.simulationKey;
    const timeoutMs = callOptions.timeoutMs ?? candidate.timeout_ms;
    const ttftTimeoutMs = callOptions.ttftTimeoutMs ?? candidate.ttft_timeout_ms;
    let executed: Awaited<ReturnType<typeof executeCall>>;
    try {
      executed = await executeCall({
        adapter,
        prepared,
        secretHeaders,
        send,
        now,
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(ttftTimeoutMs !== undefined ? { ttftTimeoutMs } : {}),
      });
    } catch (error) {
      throw isProviderError(error) ? redactProviderError(error, secrets) : error;
    }
    const { costUsd, priceSource } = priceResponse(executed.response, candidate.price, executed.response.servedModel ?? candidate.model);
    const result: CallResult = { response: executed.response, warnings: prepared.warnings, latencyMs: executed.latencyMs, costUsd, priceSource };
    if (executed.ttftMs !== undefined) result.ttftMs = executed.ttftMs;
    const rateLimit = readRateLimit(executed.headers, Date.now());
    if (rateLimit) result.rateLimit = rateLimit;
    if (executed.headers['x-chainproof-simulated'] === '1') result.simulated = true;
    return result;
  };

  return { candidate, prepare, call };
}

function resolveBaseUrl(candidate: CandidateConfig, options: CreateClientOptions, adapter: ProviderAdapter): string {
  if (options.baseUrl) return options.baseUrl;
  if (candidate.provider === 'simulated') {
    throw new UserInputError(`candidate "${candidate.id}" is simulated but no simulator base URL was given`, {
      hint: 'start the simulator and pass its base URL (CreateClientOptions.baseUrl) for simulated candidates',
    });
  }
  return candidate.base_url ?? adapter.defaultBaseUrl;
}

/** The key goes in the adapter's auth header; a missing key is `auth` before any request. */
function authHeaders(candidate: CandidateConfig, adapter: ProviderAdapter, env: Record<string, string | undefined>): Record<string, string> {
  if (candidate.provider === 'simulated') return adapter.authHeaders(SIMULATED_API_KEY);
  const variable = apiKeyEnvFor(candidate);
  if (variable === undefined) return {};
  const key = env[variable];
  if (!key) throw createProviderError('auth', `environment variable ${variable} is not set (API key for candidate "${candidate.id}")`, { retryable: false });
  return adapter.authHeaders(key);
}

/** `${VAR}` in a custom header value is filled from the environment at send time. */
function expandHeaders(headers: Record<string, string>, env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name.toLowerCase()] = value.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (_match, variable: string) => env[variable] ?? '');
  }
  return out;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** The path goes before a base URL's query (Azure-style `...?api-version=...`), queries merged. */
export function joinUrl(baseUrl: string, path: string): string {
  const [base = '', baseQuery] = baseUrl.split('?', 2);
  const [pathOnly = '', pathQuery] = path.split('?', 2);
  const query = [baseQuery, pathQuery].filter((part) => part !== undefined && part !== '').join('&');
  return `${base.replace(/\/+$/, '')}${pathOnly}${query ? `?${query}` : ''}`;
}
