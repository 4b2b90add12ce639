/**
 * OpenAI-shaped errors → the taxonomy. A specific body `code`/`type` wins over the status (the
 * generic `server_error` type does not: OpenAI sends it with 500 and with an overloaded 503); text is
 * read only for context-length errors of servers that give no code (vLLM, Mistral, OpenRouter
 * relaying an upstream's words).
 */
import type { ErrorKind, ProviderErrorInfo } from '../../core/errors.js';
import type { HttpFailure } from '../adapter.js';
import { buildErrorInfo, describeFailure, kindFromStatus } from '../engine/classify-status.js';

const KIND_BY_CODE: Readonly<Record<string, ErrorKind>> = {
  insufficient_quota: 'rate_limited',
  rate_limit_exceeded: 'rate_limited',
  rate_limit_error: 'rate_limited',
  tokens: 'rate_limited',
  requests: 'rate_limited',
  context_length_exceeded: 'context_length',
  string_above_max_length: 'context_length',
  invalid_api_key: 'auth',
  authentication_error: 'auth',
  permission_error: 'auth',
  content_filter: 'content_filter',
  content_policy_violation: 'content_filter',
  overloaded: 'overloaded',
  engine_overloaded: 'overloaded',
  service_unavailable: 'overloaded',
};

/** Quota and billing exhaustion is a rate-limit kind, but waiting does not help. */
const NOT_RETRYABLE_CODES = new Set(['insufficient_quota', 'billing_hard_limit_reached', 'insufficient_balance']);

export const DEFAULT_CONTEXT_LENGTH_TEXT = /maximum context length|context length|context window|too large for model|prompt is too long|too many tokens/i;

export function classifyOpenAIError(failure: HttpFailure, contextLengthText: RegExp = DEFAULT_CONTEXT_LENGTH_TEXT): ProviderErrorInfo {
  const { message, code, type, numericCode } = readOpenAIErrorBody(failure.body);
  const status = failure.status ?? numericCode;
  const providerCode = code ?? type;
  let kind = (code !== undefined ? KIND_BY_CODE[code] : undefined) ?? (type !== undefined ? KIND_BY_CODE[type] : undefined);
  kind ??= kindFromStatus(status);
  if (kind === 'bad_request' && message !== undefined && contextLengthText.test(message)) kind = 'context_length';
  const described = describeFailure(failure, message);
  const extra: { providerCode?: string; retryable?: boolean } = {};
  if (providerCode !== undefined) extra.providerCode = providerCode;
  if (providerCode !== undefined && NOT_RETRYABLE_CODES.has(providerCode)) extra.retryable = false;
  const info = buildErrorInfo({ ...failure, ...(status === undefined ? {} : { status }) }, kind, described, extra);
  return info;
}

interface OpenAIErrorFields {
  message?: string;
  code?: string;
  type?: string;
  /** OpenRouter puts the upstream status in `error.code` inside a 200. */
  numericCode?: number;
}

/** `{error: {message, type, code}}`, `{error: "text"}` (Ollama) or `{message, type, code}` (vLLM). */
export function readOpenAIErrorBody(body: unknown): OpenAIErrorFields {
  if (typeof body !== 'object' || body === null) return {};
  const root = body as Record<string, unknown>;
  if (typeof root.error === 'string') return { message: root.error };
  const error = (typeof root.error === 'object' && root.error !== null ? root.error : root) as Record<string, unknown>;
  const out: OpenAIErrorFields = {};
  if (typeof error.message === 'string') out.message = error.message;
  // OpenRouter relays the upstream provider's own error as text in metadata.raw.
  const raw = (error.metadata as { raw?: unknown } | undefined)?.raw;
  if (typeof raw === 'string' && raw !== '') out.message = `${out.message ?? 'provider error'}: ${raw}`;
  if (typeof error.code === 'string' && error.code !== '') out.code = error.code;
  if (typeof error.code === 'number') out.numericCode = error.code;
  if (typeof error.type === 'string' && error.type !== '' && error.type !== 'error') out.type = error.type;
  return out;
}
