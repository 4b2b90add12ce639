/**
 * One AbortSignal for a call that fires on the caller's signal (a run interrupted), the whole-call
 * timeout, or the time-to-first-token timeout, and remembers which — so a timeout becomes a
 * `timeout` error with its partial output while an interruption is rethrown, never blamed on the
 * model.
 */

export type DeadlineCause = 'caller' | 'call-timeout' | 'ttft-timeout';

export interface CallDeadline {
  readonly signal: AbortSignal;
  /** Why the signal fired, if it did. */
  cause(): DeadlineCause | undefined;
  /** The first token (or, for JSON, the headers) arrived: stop the TTFT timer. */
  markFirstToken(): void;
  dispose(): void;
}

export function createCallDeadline(options: { callerSignal?: AbortSignal; timeoutMs?: number; ttftTimeoutMs?: number }): CallDeadline {
  const controller = new AbortController();
  let fired: DeadlineCause | undefined;
  const fire = (cause: DeadlineCause, reason: unknown) => {
    if (fired) return;
    fired = cause;
    controller.abort(reason);
  };
  const onCallerAbort = () => fire('caller', options.callerSignal?.reason);
  const timers: NodeJS.Timeout[] = [];
  let ttftTimer: NodeJS.Timeout | undefined;

  if (options.callerSignal?.aborted) onCallerAbort();
  else options.callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  if (options.timeoutMs !== undefined) {
    timers.push(setTimeout(() => fire('call-timeout', timeoutReason(`no complete answer within ${options.timeoutMs} ms`)), options.timeoutMs));
  }
  if (options.ttftTimeoutMs !== undefined) {
    ttftTimer = setTimeout(() => fire('ttft-timeout', timeoutReason(`no first token within ${options.ttftTimeoutMs} ms`)), options.ttftTimeoutMs);
  }

  return {
    signal: controller.signal,
    cause: () => fired,
    markFirstToken: () => {
      if (ttftTimer) clearTimeout(ttftTimer);
      ttftTimer = undefined;
    },
    dispose: () => {
      for (const timer of timers) clearTimeout(timer);
      if (ttftTimer) clearTimeout(ttftTimer);
      options.callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

function timeoutReason(message: string): Error {
  const error = new Error(message);
  error.name = 'TimeoutError';
  return error;
}

/** What to rethrow when the caller aborted: its own reason, or a standard AbortError. */
export function callerAbortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted', 'AbortError');
}
