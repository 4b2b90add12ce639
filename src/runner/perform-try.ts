/**
 * One try of one attempt: a single client call under the candidate's timeouts. The client enforces
 * `timeoutMs` / `ttftTimeoutMs` itself (it keeps a cut stream's partial output); the runner adds a
 * guard a little later in case a client never returns, and tells an interrupt apart from a timeout.
 */
import { createProviderError, isProviderError, type ProviderError } from '../core/errors.js';
import type { CanonicalRequest } from '../core/types.js';
import type { CallResult, ModelClient } from '../providers/types.js';
import { CANCELLED } from './clock.js';
import type { RunClock } from './types.js';

export type TryOutcome =
  | { type: 'ok'; result: CallResult }
  | { type: 'error'; error: ProviderError; latencyMs: number }
  | { type: 'aborted' };

export interface TryParams {
  client: ModelClient;
  request: CanonicalRequest;
  stream?: boolean;
  timeoutMs?: number;
  ttftTimeoutMs?: number;
  simulationKey: string;
  /** Aborted when an interrupt gives up waiting for in-flight calls. */
  abortSignal: AbortSignal;
  clock: RunClock;
  /** Extra time the client gets past `timeoutMs` before the runner aborts the call itself. */
  guardGraceMs?: number;
}

export async function performTry(params: TryParams): Promise<TryOutcome> {
  const { clock } = params;
  if (params.abortSignal.aborted) return { type: 'aborted' };
  const controller = new AbortController();
  const onInterrupt = () => controller.abort(params.abortSignal.reason);
  params.abortSignal.addEventListener('abort', onInterrupt, { once: true });
  const guardDone = new AbortController();
  let guardFired = false;
  if (params.timeoutMs !== undefined) {
    const guardMs = params.timeoutMs + (params.guardGraceMs ?? 1_000);
    void clock.sleep(guardMs, guardDone.signal).then(() => {
      if (guardDone.signal.aborted) return;
      guardFired = true;
      controller.abort(new Error(`chainproof: call exceeded ${params.timeoutMs} ms`));
    });
  }
  const startedAt = clock.now();
  try {
    const result = await params.client.call(params.request, {
      signal: controller.signal,
      stream: params.stream,
      timeoutMs: params.timeoutMs,
      ttftTimeoutMs: params.ttftTimeoutMs,
      simulationKey: params.simulationKey,
    });
    if (params.abortSignal.aborted) return { type: 'aborted' };
    return { type: 'ok', result };
  } catch (error) {
    if (params.abortSignal.aborted) return { type: 'aborted' };
    const latencyMs = clock.now() - startedAt;
    if (isProviderError(error)) return { type: 'error', error, latencyMs };
    if (guardFired) {
      return { type: 'error', error: createProviderError('timeout', `no answer within ${params.timeoutMs} ms`), latencyMs };
    }
    // Anything else escaping a client is a chainproof bug, not a model failure.
    throw error;
  } finally {
    guardDone.abort(CANCELLED);
    params.abortSignal.removeEventListener('abort', onInterrupt);
  }
}
