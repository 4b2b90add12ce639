/**
 * Socket and undici failures (no HTTP answer) → the taxonomy, by their stable `code`. An error
 * without a known code is returned as undefined: it is a bug in chainproof, not a model failure,
 * and the caller rethrows it.
 */
import type { ProviderErrorInfo } from '../../core/errors.js';
import { RETRYABLE_BY_DEFAULT } from '../../core/errors.js';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const NETWORK_CODES = new Set([
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

export function classifyTransportError(error: unknown): ProviderErrorInfo | undefined {
  const code = findErrorCode(error);
  if (code === undefined) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (TIMEOUT_CODES.has(code)) return { kind: 'timeout', retryable: RETRYABLE_BY_DEFAULT.timeout, providerCode: code, message };
  if (NETWORK_CODES.has(code)) return { kind: 'network', retryable: RETRYABLE_BY_DEFAULT.network, providerCode: code, message };
  return undefined;
}

/** undici wraps socket errors: the code may sit on the error or on its `cause`. */
function findErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (TIMEOUT_CODES.has(code) || NETWORK_CODES.has(code))) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
