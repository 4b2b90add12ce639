/**
 * A per-minute token bucket (rpm counts requests, tpm counts tokens). Starts full; a request larger
 * than the whole bucket may go when the bucket is full, else it would never go. `correct` settles
 * the estimate against the usage the provider reported, so the bucket may go negative and wait.
 */
export class TokenBucket {
  readonly perMinute: number;
  private tokens: number;
  private updatedAt: number;

  constructor(perMinute: number, now: number) {
    this.perMinute = perMinute;
    this.tokens = perMinute;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.perMinute, this.tokens + (elapsed * this.perMinute) / 60_000);
    this.updatedAt = now;
  }

  /** Milliseconds until `amount` may be taken (0 = now). */
  waitMs(amount: number, now: number): number {
    this.refill(now);
    const needed = Math.min(amount, this.perMinute);
    if (this.tokens >= needed) return 0;
    return Math.ceil(((needed - this.tokens) * 60_000) / this.perMinute);
  }

  take(amount: number, now: number): void {
    this.refill(now);
    this.tokens -= amount;
  }

  /** Adds back (positive) or charges (negative) the difference between estimate and actual. */
  correct(delta: number): void {
    this.tokens = Math.min(this.perMinute, this.tokens + delta);
  }
}
