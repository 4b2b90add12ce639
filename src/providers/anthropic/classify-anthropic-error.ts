/**
 * Anthropic errors (`{type: "error", error: {type, message}}`, over HTTP or as an in-stream
 * `error` event) → the taxonomy. Anthropic has no code for context overflow, so only an
 * `invalid_request_error` is read for its text.
 */
import type { ErrorKind, ProviderErrorInfo } from '../../core/errors.js';
import type { HttpFailure } from '../adapter.js';
import { buildErrorInfo, describeFailure, kindFromStatus } from '../engine/classify-status.js';

/** `api_error` is generic (sent with 500 and 503), so the status decides it. */
const KIND_BY_TYPE: Readonly<Record<string, ErrorKind>> = {
  invalid_request_error: 'bad_request',
  authentication_error: 'auth',
  permission_error: 'auth',
  billing_error: 'rate_limited',
  not_found_error: 'bad_request',
  request_too_large: 'bad_request',
  rate_limit_error: 'rate_limited',
  overloaded_error: 'overloaded',
  timeout_error: 'timeout',
};

const CONTEXT_LENGTH_TEXT = /prompt is too long|exceed context limit|context window|too many tokens/i;

export function classifyAnthropicError(failure: HttpFailure): ProviderErrorInfo {
  const error = readError(failure.body);
  let kind = (error.type !== undefined ? KIND_BY_TYPE[error.type] : undefined) ?? kindFromStatus(failure.status);
  if (kind === 'bad_request' && error.type === 'invalid_request_error' && error.message && CONTEXT_LENGTH_TEXT.test(error.message)) kind = 'context_length';
  const extra: { providerCode?: string; retryable?: boolean } = {};
  if (error.type !== undefined) extra.providerCode = error.type;
  // Billing exhaustion does not clear by waiting.
  if (error.type === 'billing_error') extra.retryable = false;
  return buildErrorInfo(failure, kind, describeFailure(failure, error.message), extra);
}

function readError(body: unknown): { type?: string; message?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};
  const out: { type?: string; message?: string } = {};
  const { type, message } = error as { type?: unknown; message?: unknown };
  if (typeof type === 'string') out.type = type;
  if (typeof message === 'string') out.message = message;
  return out;
}
