/**
 * How long to wait before the next try: capped exponential backoff with full jitter (so many
 * clients that failed together do not retry together), but never less than what the provider
 * asked for, within a sane bound (a `retry-after: 3600` must not park a run for an hour).
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000, maxRetryAfterMs: 60_000 };

/** `retryIndex` is 0 for the wait before the first retry. */
export function computeRetryDelayMs(
  retryIndex: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** retryIndex);
  const jittered = Math.floor(random() * ceiling);
  const asked = retryAfterMs !== undefined && retryAfterMs > 0 ? Math.min(retryAfterMs, policy.maxRetryAfterMs) : 0;
  return Math.max(jittered, asked);
}
