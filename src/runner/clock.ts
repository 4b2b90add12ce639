/** The real clock; tests pass a virtual one with the same shape. */
import { setTimeout as delay } from 'node:timers/promises';
import type { RunClock } from './types.js';

export const SYSTEM_CLOCK: RunClock = {
  now: () => performance.now(),
  sleep: async (ms, signal) => {
    if (signal?.aborted) return;
    try {
      await delay(Math.max(0, ms), undefined, { signal });
    } catch {
      // Aborted: the caller woke us on purpose.
    }
  },
  random: Math.random,
};

export function resolveClock(partial: Partial<RunClock> | undefined): RunClock {
  return {
    now: partial?.now ?? SYSTEM_CLOCK.now,
    sleep: partial?.sleep ?? SYSTEM_CLOCK.sleep,
    random: partial?.random ?? SYSTEM_CLOCK.random,
  };
}
