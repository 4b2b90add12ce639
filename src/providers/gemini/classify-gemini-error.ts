/**
 * Google RPC errors (`{error: {code, message, status, details}}`) → the taxonomy, by `status`
 * and `details` (ErrorInfo reason, RetryInfo delay, QuotaFailure ids) before the HTTP status.
 * Context overflow has no code: INVALID_ARGUMENT is read for its text.
 */
import type { ErrorKind, ProviderErrorInfo } from '../../core/errors.js';
import type { HttpFailure } from '../adapter.js';
import { buildErrorInfo, describeFailure, kindFromStatus } from '../engine/classify-status.js';
import { parseDurationMs } from '../http/parse-retry-after.js';

const KIND_BY_STATUS: Readonly<Record<string, ErrorKind>> = {
  RESOURCE_EXHAUSTED: 'rate_limited',
  INVALID_ARGUMENT: 'bad_request',
  FAILED_PRECONDITION: 'bad_request',
  OUT_OF_RANGE: 'bad_request',
  NOT_FOUND: 'bad_request',
  PERMISSION_DENIED: 'auth',
  UNAUTHENTICATED: 'auth',
  INTERNAL: 'server_error',
  UNKNOWN: 'server_error',
  DATA_LOSS: 'server_error',
  ABORTED: 'server_error',
  UNAVAILABLE: 'overloaded',
  DEADLINE_EXCEEDED: 'timeout',
  CANCELLED: 'network',
};

const CONTEXT_LENGTH_TEXT = /input token count.*exceeds|exceeds the maximum number of tokens|context window/i;

interface GoogleDetail {
  '@type'?: string;
  reason?: string;
  retryDelay?: string;
  violations?: Array<{ quotaId?: string }>;
}

export function classifyGeminiError(failure: HttpFailure): ProviderErrorInfo {
  const error = readError(failure.body);
  const status = failure.status ?? error.code;
  const reason = error.details.find((detail) => detail.reason)?.reason;
  let kind = (error.status !== undefined ? KIND_BY_STATUS[error.status] : undefined) ?? kindFromStatus(status);
  if (reason === 'API_KEY_INVALID') kind = 'auth';
  if (kind === 'bad_request' && error.status === 'INVALID_ARGUMENT' && error.message && CONTEXT_LENGTH_TEXT.test(error.message)) kind = 'context_length';
  const extra: { providerCode?: string; retryable?: boolean; retryAfterMs?: number } = {};
  const providerCode = error.status ?? reason;
  if (providerCode !== undefined) extra.providerCode = providerCode;
  const retryDelay = parseDurationMs(error.details.find((detail) => detail.retryDelay !== undefined)?.retryDelay);
  if (retryDelay !== undefined) extra.retryAfterMs = retryDelay;
  // A per-day quota does not come back within a run: waiting does not help.
  const quotaIds = error.details.flatMap((detail) => detail.violations ?? []).map((violation) => violation.quotaId ?? '');
  if (kind === 'rate_limited' && quotaIds.some((id) => /PerDay/i.test(id))) extra.retryable = false;
  return buildErrorInfo(status === undefined ? failure : { ...failure, status }, kind, describeFailure(failure, error.message), extra);
}

function readError(body: unknown): { code?: number; status?: string; message?: string; details: GoogleDetail[] } {
  const root = Array.isArray(body) ? body[0] : body;
  const error = typeof root === 'object' && root !== null ? (root as { error?: unknown }).error : undefined;
  if (typeof error !== 'object' || error === null) return { details: [] };
  const { code, status, message, details } = error as Record<string, unknown>;
  const out: { code?: number; status?: string; message?: string; details: GoogleDetail[] } = {
    details: Array.isArray(details) ? (details.filter((detail) => typeof detail === 'object' && detail !== null) as GoogleDetail[]) : [],
  };
  if (typeof code === 'number') out.code = code;
  if (typeof status === 'string') out.status = status;
  if (typeof message === 'string') out.message = message;
  return out;
}
