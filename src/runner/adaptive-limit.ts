/**
 * Concurrency of one provider endpoint, adapted AIMD-style: halve on `rate_limited` (once per
 * window: tries already in flight when we shrank were sent at the old rate, so their 429s do not
 * shrink it again), pause the endpoint for the provider's retry-after, and grow back by one after
 * a full window of successes. Other error kinds never shrink it: a 500 says nothing about our rate.
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
  private successesAtLimit = 0;

  constructor(key: string, max: number) {
    this.key = key;
    this.max = Math.max(1, Math.floor(max));
    this.limit = this.max;
  }

  canStart(now: number): boolean {
    return this.inFlight < this.limit && now >= this.blockedUntil;
  }

  /** Time until a call may start for timing reasons (0 when only capacity is missing). */
  waitMs(now: number): number {
    return Math.max(0, this.blockedUntil - now);
  }

  acquire(): void {
    this.inFlight += 1;
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

  /** A provider that says its quota is spent until a reset gets no new call before the reset. */
  recordSnapshot(now: number, snapshot: RateLimitSnapshot | undefined): void {
    if (!snapshot) return;
    if (snapshot.remainingRequests === 0 && snapshot.resetRequestsMs !== undefined) {
      this.blockedUntil = Math.max(this.blockedUntil, now + snapshot.resetRequestsMs);
    }
    if (snapshot.remainingTokens === 0 && snapshot.resetTokensMs !== undefined) {
      this.blockedUntil = Math.max(this.blockedUntil, now + snapshot.resetTokensMs);
    }
  }

  snapshot(): AdaptiveLimitState {
    return { limit: this.limit, max: this.max, inFlight: this.inFlight, blockedUntil: this.blockedUntil, decreases: this.decreases };
  }
}
