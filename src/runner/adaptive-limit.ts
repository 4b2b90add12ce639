/**
 * Concurrency of one provider endpoint, adapted AIMD-style: halve on `rate_limited` (once per
 * window: tries already in flight when we shrank were sent at the old rate, so their 429s do not
 * shrink it again), pause the endpoint for the provider's retry-after, and grow back by one after
 * a full window of successes. Other error kinds never shrink it: a 500 says nothing about our rate.
 * Quota headers (remaining, limit, reset) are followed before any 429: see `recordSnapshot`.
 */
import type { RateLimitSnapshot } from '../providers/types.js';

export interface AdaptiveLimitState {
  limit: number;
  max: number;
  inFlight: number;
  blockedUntil: number;
  decreases: number;
}

export class AdaptiveLimit {
  readonly key: string;
  readonly max: number;
  limit: number;
  inFlight = 0;
  /** No new call starts before this time (retry-after, exhausted quota window). */
  blockedUntil = 0;
  decreases = 0;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  /** The provider's request bucket as the latest quota headers imply it (see recordSnapshot). */
  private quota: { available: number; at: number; refillPerMs: number; limit: number } | undefined;
  /** Calls sent so far: a call's number tells how many were sent after it. */
  private sent = 0;
  private successesAtLimit = 0;

  constructor(key: string, max: number) {
    this.key = key;
    this.max = Math.max(1, Math.floor(max));
    this.limit = this.max;
  }

  canStart(now: number): boolean {
    return this.inFlight < this.limit && now >= this.blockedUntil && this.quotaAt(now) >= 1 - 1e-9;
  }

  /** Time until a call may start for timing reasons (0 when only capacity is missing). */
  waitMs(now: number): number {
    const quota = this.quotaAt(now);
    // Whole milliseconds: a wait that rounds to nothing would wake the scheduler into the same refusal.
    const refill = quota < 1 - 1e-9 && this.quota ? Math.ceil((1 - quota) / this.quota.refillPerMs) : 0;
    return Math.max(0, this.blockedUntil - now, refill);
  }

  /** Takes a slot; returns the call's number, for `recordSnapshot`. */
  acquire(now = 0): number {
    this.inFlight += 1;
    if (this.quota) {
      this.quota.available = this.quotaAt(now) - 1;
      this.quota.at = now;
    }
    this.sent += 1;
    return this.sent;
  }

  release(): void {
    this.inFlight -= 1;
  }

  /** `startedAt` is when the failed try was sent. */
  recordRateLimited(now: number, startedAt: number, retryAfterMs: number | undefined): void {
    if (retryAfterMs !== undefined && retryAfterMs > 0) {
      this.blockedUntil = Math.max(this.blockedUntil, now + retryAfterMs);
    }
    if (startedAt < this.lastDecreaseAt) return;
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.lastDecreaseAt = now;
    this.successesAtLimit = 0;
    this.decreases += 1;
  }

  recordSuccess(): void {
    if (this.limit >= this.max) return;
    this.successesAtLimit += 1;
    if (this.successesAtLimit >= this.limit) {
      this.limit += 1;
      this.successesAtLimit = 0;
    }
  }

  /**
   * Quota headers of an answer. Providers refill request windows continuously (OpenAI's and
   * Anthropic's reset is when the window is full again), so with the window's size the headers
   * give a refill rate, (limit − remaining) / reset, and the endpoint keeps a local copy of the
   * provider's bucket: `remaining` as of when this call was sent, refilled since, minus the calls
   * sent after it. A call starts only when that copy holds a request, so the endpoint slows
   * down before the provider starts refusing. Without the size, a spent window (remaining 0)
   * pauses the endpoint until its reset.
   */
  recordSnapshot(now: number, snapshot: RateLimitSnapshot | undefined, startedAt = now, callNumber = this.sent): void {
    if (!snapshot) return;
    const { remainingRequests: remaining, limitRequests: limit, resetRequestsMs: reset } = snapshot;
    if (remaining !== undefined && limit !== undefined && limit > 0 && reset !== undefined) {
      const refillPerMs = remaining < limit && reset > 0 ? (limit - remaining) / reset : 0;
      const sentSince = this.sent - callNumber;
      const available = Math.min(limit, remaining + refillPerMs * Math.max(0, now - startedAt)) - sentSince;
      this.quota = refillPerMs > 0 ? { available, at: now, refillPerMs, limit } : undefined;
    } else if (remaining === 0 && reset !== undefined) {
      this.blockedUntil = Math.max(this.blockedUntil, now + reset);
    }
    if (snapshot.remainingTokens === 0 && snapshot.resetTokensMs !== undefined) {
      this.blockedUntil = Math.max(this.blockedUntil, now + snapshot.resetTokensMs);
    }
  }

  /** Requests the local copy of the provider's bucket holds at `now` (Infinity without one). */
  private quotaAt(now: number): number {
    if (!this.quota) return Number.POSITIVE_INFINITY;
    return Math.min(this.quota.limit, this.quota.available + this.quota.refillPerMs * Math.max(0, now - this.quota.at));
  }

  snapshot(): AdaptiveLimitState {
    return { limit: this.limit, max: this.max, inFlight: this.inFlight, blockedUntil: this.blockedUntil, decreases: this.decreases };
  }
}

