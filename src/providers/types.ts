/**
 * The provider contract the runner uses. Adapters (one folder per wire protocol) implement it as
 * data plus pure functions; `http/` is the only I/O. Everything here throws `ProviderError`
 * (core/errors.ts) for a failed call, never a raw undici error.
 */
import type { Dispatcher } from 'undici';
import type { CandidateConfig } from '../config/suite-schema.js';
import type { CanonicalRequest, ModelResponse, RequestWarning } from '../core/types.js';
import type { SendHttpRequest } from './http/send-http-request.js';

export type PriceSource = 'provider' | 'suite' | 'table' | 'none';

export interface PreparedRequest {
  url: string;
  /** Headers without secrets (auth is added at send time from the environment). */
  headers: Record<string, string>;
  body: Record<string, unknown>;
  warnings: RequestWarning[];
  stream: boolean;
}

export interface RateLimitSnapshot {
  remainingRequests?: number;
  remainingTokens?: number;
  /** The window's size (`x-ratelimit-limit-requests`): with the reset it gives the refill rate. */
  limitRequests?: number;
  limitTokens?: number;
  /** Milliseconds until the request/token window is full again. */
  resetRequestsMs?: number;
  resetTokensMs?: number;
}

export interface CallResult {
  response: ModelResponse;
  warnings: RequestWarning[];
  latencyMs: number;
  ttftMs?: number;
  costUsd: number;
  /** Where the price came from: the provider's own bill (OpenRouter `usage.cost`), the suite, the bundled table (dated), or nowhere (cost 0). */
  priceSource: PriceSource;
  rateLimit?: RateLimitSnapshot;
  /** The simulator marks its answers (header `x-chainproof-simulated`). */
  simulated?: boolean;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the candidate's / suite's stream setting. */
  stream?: boolean;
  /** Abort when no first token arrives in time (streaming) or no headers (JSON). */
  ttftTimeoutMs?: number;
  /** Whole-call timeout. */
  timeoutMs?: number;
  /** Sent as `x-chainproof-key` so the simulator can key its dice on (case, repeat, try). */
  simulationKey?: string;
}

export interface ModelClient {
  readonly candidate: CandidateConfig;
  /** Pure: the wire request and its warnings. No I/O, no secrets. */
  prepare(request: CanonicalRequest, options?: { stream?: boolean }): PreparedRequest;
  /** One HTTP call. Resolves with the answer, rejects with a ProviderError. */
  call(request: CanonicalRequest, options?: CallOptions): Promise<CallResult>;
}

export interface CreateClientOptions {
  env: Record<string, string | undefined>;
  /** undici dispatcher (MockAgent in tests); the global one otherwise. */
  dispatcher?: Dispatcher;
  /** Base URL override (the in-process simulator). */
  baseUrl?: string;
  /** Default for `stream` when neither the call nor the candidate says. */
  stream?: boolean;
  now?: () => number;
  /**
   * A per-candidate request transform run before `system_prompt` and `params` (e.g. a prompt
   * variant for another model family). Must be pure.
   */
  transformRequest?: (request: CanonicalRequest, candidate: CandidateConfig) => CanonicalRequest;
  /** The HTTP function (tests may pass one that records); undici `request` otherwise. */
  send?: SendHttpRequest;
}
