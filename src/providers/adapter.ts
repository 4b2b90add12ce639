/**
 * The internal spec every wire protocol implements: data (a parameter table, inside toRequest)
 * plus pure functions. `create-model-client.ts` runs an adapter over the one HTTP function; an
 * adapter never does I/O, reads the clock or sees an API key other than to name its header.
 */
import type { ProviderErrorInfo } from '../core/errors.js';
import type { CanonicalRequest, ModelResponse, RequestWarning } from '../core/types.js';
import type { StreamAccumulator } from './engine/stream-accumulator.js';

export interface AdapterContext {
  /** The model id sent on the wire. */
  model: string;
  stream: boolean;
  /** Keys the candidate's `params` added: sent as written when the table does not know them. */
  rawParamKeys: ReadonlySet<string>;
  /** The candidate's `reasoning` setting (OpenAI chat wire): absent means "decide from the known-model list". */
  reasoning?: boolean | 'no-system';
}

export interface WireRequest {
  /** Appended to the base URL (`/chat/completions`, `/v1/messages`, `/v1beta/models/x:generateContent`): base URLs follow
   * each vendor's SDK (OpenAI's includes `/v1`, Anthropic's and Google's do not). */
  path: string;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  warnings: RequestWarning[];
}

/** One server-sent event, as eventsource-parser gives it. */
export interface SseEvent {
  event?: string;
  data: string;
}

/** A non-2xx answer (or an error carried in a 200 body), before classification. */
export interface HttpFailure {
  status?: number;
  headers: Record<string, string>;
  /** The body parsed as JSON, when it was JSON. */
  body: unknown;
  text: string;
  /** Epoch ms at receipt, to turn HTTP-date / RFC 3339 reset headers into a wait. */
  receivedAt: number;
}

export interface ProviderAdapter {
  readonly name: string;
  readonly defaultBaseUrl: string;
  /** Pure: canonical request → wire body and warnings. */
  toRequest(request: CanonicalRequest, context: AdapterContext): WireRequest;
  /** Header names/values that carry the key. Only called at send time. */
  authHeaders(apiKey: string): Record<string, string>;
  /** A 200 body that is an error (OpenRouter puts post-generation errors there). */
  isErrorBody(body: unknown): boolean;
  /** Pure: a 200 JSON body → the answer. Throws ProviderError (malformed_response). */
  fromResponse(body: unknown): ModelResponse;
  /**
   * Folds one SSE event into the accumulator. An in-stream error event is returned as
   * `{ errorBody }` for `classifyError`; a body that cannot be read throws malformed_response.
   */
  fromStreamEvent(accumulator: StreamAccumulator, event: SseEvent): void | { errorBody: unknown };
  /** Pure: status + body code + headers → the taxonomy. */
  classifyError(failure: HttpFailure): ProviderErrorInfo;
}
