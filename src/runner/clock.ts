/** The real clock; tests pass a virtual one with the same shape. */
import type { RunClock } from './types.js';

export const SYSTEM_CLOCK: RunClock = {
  now: () => performance.now(),
  // Hand-rolled rather than timers/promises: an aborted sleep is the common case (every call's
  // timeout guard), and that API builds an AbortError with a stack trace for each one.
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
  random: Math.random,
};

export function resolveClock(partial: Partial<RunClock> | undefined): RunClock {
  return {
    now: partial?.now ?? SYSTEM_CLOCK.now,
    sleep: partial?.sleep ?? SYSTEM_CLOCK.sleep,
    random: partial?.random ?? SYSTEM_CLOCK.random,
  };
}

/**
 * The reason given when the runner cancels its own timers. `abort()` without a reason builds a
 * DOMException with a stack trace, measurable at thousands of calls a second.
 */
export const CANCELLED = Object.freeze({ cancelled: true });
