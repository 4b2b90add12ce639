/**
 * The status-code half of classification, shared by every protocol. Each adapter's
 * `classifyError` starts here and refines with its own body codes (a code always wins over a
 * status, and message text is read only where a provider has no code).
 */
import type { ErrorKind, ProviderErrorInfo } from '../../core/errors.js';
import { RETRYABLE_BY_DEFAULT } from '../../core/errors.js';
import type { HttpFailure } from '../adapter.js';
import { parseRetryAfterMs } from '../http/parse-retry-after.js';

export function kindFromStatus(status: number | undefined): ErrorKind {
  if (status === undefined) return 'server_error';
  if (status === 401 || status === 403) return 'auth';
  if (status === 402 || status === 429) return 'rate_limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 503 || status === 529) return 'overloaded';
  if (status >= 500) return 'server_error';
  return 'bad_request';
}

/** Builds the info with the default `retryable` for the kind and the wait the headers ask for. */
export function buildErrorInfo(
  failure: HttpFailure,
  kind: ErrorKind,
  message: string,
  extra: { providerCode?: string; retryable?: boolean; retryAfterMs?: number } = {},
): ProviderErrorInfo {
  const info: ProviderErrorInfo = { kind, retryable: extra.retryable ?? RETRYABLE_BY_DEFAULT[kind], message };
  if (failure.status !== undefined) info.status = failure.status;
  if (extra.providerCode !== undefined) info.providerCode = extra.providerCode;
  const retryAfterMs = extra.retryAfterMs ?? parseRetryAfterMs(failure.headers, failure.receivedAt);
  if (retryAfterMs !== undefined && info.retryable) info.retryAfterMs = retryAfterMs;
  return info;
}

/** A short, single-line message: the provider's own words, or the status when there are none. */
export function describeFailure(failure: HttpFailure, providerMessage: unknown): string {
  if (typeof providerMessage === 'string' && providerMessage.trim() !== '') return providerMessage.trim().slice(0, 500);
  const text = failure.text.trim().replace(/\s+/g, ' ').slice(0, 200);
  return failure.status !== undefined ? `HTTP ${failure.status}${text ? `: ${text}` : ''}` : text || 'provider error';
}
