/**
 * Runs one prepared request through an adapter over the HTTP function: sends it, times it, reads
 * JSON or SSE, and turns every failure into a classified ProviderError (or rethrows the caller's
 * abort). This is the only place that sees both the socket and the adapter.
 */
import type { Dispatcher } from 'undici';
import { createProviderError, isProviderError, ProviderError } from '../../core/errors.js';
import type { ModelResponse } from '../../core/types.js';
import type { HttpFailure, ProviderAdapter } from '../adapter.js';
import { classifyTransportError } from '../http/classify-transport-error.js';
import { readSseEvents, STRAY_TEXT_EVENT } from '../http/read-sse-events.js';
import type { HttpResponse, SendHttpRequest } from '../http/send-http-request.js';
import type { PreparedRequest } from '../types.js';
import { callerAbortReason, createCallDeadline } from './call-deadline.js';
import { createStreamAccumulator, finishStream, partialText, type StreamAccumulator } from './stream-accumulator.js';

export interface ExecuteCallInput {
  adapter: ProviderAdapter;
  prepared: PreparedRequest;
  /** Auth and expanded custom headers: added here, never stored in `prepared`. */
  secretHeaders: Record<string, string>;
  send: SendHttpRequest;
  dispatcher?: Dispatcher;
  now: () => number;
  signal?: AbortSignal;
  timeoutMs?: number;
  ttftTimeoutMs?: number;
}

export interface ExecuteCallOutput {
  response: ModelResponse;
  headers: Record<string, string>;
  latencyMs: number;
  ttftMs?: number;
}

export async function executeCall(input: ExecuteCallInput): Promise<ExecuteCallOutput> {
  const { adapter, prepared, now } = input;
  const deadline = createCallDeadline({ callerSignal: input.signal, timeoutMs: input.timeoutMs, ttftTimeoutMs: input.ttftTimeoutMs });
  const started = now();
  const accumulator = createStreamAccumulator();
  try {
    const http = await input.send({
      url: prepared.url,
      headers: { ...prepared.headers, ...input.secretHeaders },
      body: JSON.stringify(prepared.body),
      signal: deadline.signal,
      ...(input.dispatcher ? { dispatcher: input.dispatcher } : {}),
    });
    if (http.status < 200 || http.status >= 300) {
      const text = await http.body.text();
      throw new ProviderError(adapter.classifyError(toFailure(http.status, http.headers, text, now())));
    }
    if (!prepared.stream) {
      deadline.markFirstToken();
      const response = await readJsonResponse(adapter, http, now);
      return { response, headers: http.headers, latencyMs: now() - started };
    }
    let ttftMs: number | undefined;
    for await (const event of readSseEvents(http.body)) {
      const outcome = event.event === STRAY_TEXT_EVENT ? readStrayError(event.data) : adapter.fromStreamEvent(accumulator, event);
      if (outcome) {
        const info = adapter.classifyError(toFailure(undefined, http.headers, event.data, now(), outcome.errorBody));
        throw new ProviderError(info, partialText(accumulator) || undefined);
      }
      if (ttftMs === undefined && accumulator.sawOutput) {
        ttftMs = now() - started;
        deadline.markFirstToken();
      }
    }
    if (!accumulator.done) {
      throw createProviderError('network', 'the stream ended before its final event', {}, partialText(accumulator) || undefined);
    }
    const output: ExecuteCallOutput = { response: finishStream(accumulator), headers: http.headers, latencyMs: now() - started };
    if (ttftMs !== undefined) output.ttftMs = ttftMs;
    return output;
  } catch (error) {
    throw toCallError(error, deadline.cause(), input, accumulator);
  } finally {
    deadline.dispose();
  }
}

async function readJsonResponse(adapter: ProviderAdapter, http: HttpResponse, now: () => number): Promise<ModelResponse> {
  const text = await http.body.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw createProviderError('malformed_response', `the response body is not JSON: ${text.slice(0, 120)}`, { status: http.status });
  }
  if (adapter.isErrorBody(body)) throw new ProviderError(adapter.classifyError(toFailure(undefined, http.headers, text, now(), body)));
  return adapter.fromResponse(body);
}

/** Non-SSE text in a stream: an error object there is an in-stream error; anything else is noise. */
function readStrayError(text: string): { errorBody: unknown } | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && 'error' in body) return { errorBody: body };
  } catch {
    // not JSON: ignored; a stream that also lacks its final event fails as `network` below
  }
  return undefined;
}

function toFailure(status: number | undefined, headers: Record<string, string>, text: string, receivedAt: number, body?: unknown): HttpFailure {
  let parsed = body;
  if (parsed === undefined) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  const failure: HttpFailure = { headers, body: parsed, text, receivedAt };
  if (status !== undefined) failure.status = status;
  return failure;
}

/** Decides what a failure is: the caller's abort (rethrown), a timeout, a classified error, or a bug. */
function toCallError(
  error: unknown,
  cause: ReturnType<ReturnType<typeof createCallDeadline>['cause']>,
  input: ExecuteCallInput,
  accumulator: StreamAccumulator,
): unknown {
  const partial = partialText(accumulator);
  if (cause === 'caller') return callerAbortReason(input.signal);
  if (cause === 'call-timeout' || cause === 'ttft-timeout') {
    const limit = cause === 'call-timeout' ? `${input.timeoutMs} ms call timeout` : `${input.ttftTimeoutMs} ms time-to-first-token timeout`;
    return createProviderError('timeout', `no ${cause === 'call-timeout' ? 'complete answer' : 'first token'} within the ${limit}`, { providerCode: cause }, partial || undefined);
  }
  if (isProviderError(error)) {
    return error.partialOutput === undefined && partial ? new ProviderError(error.info, partial) : error;
  }
  const transport = classifyTransportError(error);
  if (transport) return new ProviderError(transport, partial || undefined);
  return error;
}
