/**
 * What each wire protocol provides to the server: parse a request into the neutral shape, and
 * render answers, streams and faults exactly as that provider sends them.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SimulatedFault, WireProtocol } from '../../config/suite-schema.js';
import type { Random } from '../random.js';
import type { ScriptedAnswer } from '../script-answer.js';
import type { ScriptedRequest } from '../scripted-request.js';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RenderContext {
  model: string;
  request: ScriptedRequest;
  /** Dice for ids and fault details. */
  random: Random;
  requestId: string;
  /** Unix seconds. */
  created: number;
  /** Scales retry-after hints like every other delay. */
  latencyScale: number;
  contextWindow?: number;
  promptTokens: number;
}

/** What the URL says: Gemini puts the model and the streaming choice in the path. */
export interface RouteInfo {
  pathModel?: string;
  stream?: boolean;
  query?: URLSearchParams;
}

export type ParseResult = { ok: true; request: ScriptedRequest } | { ok: false; response: WireResponse };

export interface ProtocolRenderer {
  protocol: WireProtocol;
  /** A request id in the provider's own format (`req_…`). */
  createRequestId(random: Random): string;
  /** Headers on every response of this protocol (request id, rate-limit counters). */
  baseHeaders(context: Pick<RenderContext, 'requestId' | 'random'>): Record<string, string>;
  parseRequest(body: unknown, headers: IncomingHttpHeaders, route: RouteInfo): ParseResult;
  renderAnswer(answer: ScriptedAnswer, context: RenderContext): string;
  /** SSE frames (each ending in a blank line), in order. */
  renderStream(answer: ScriptedAnswer, context: RenderContext): string[];
  /** A streaming call answered without SSE (Gemini's streamGenerateContent without `alt=sse`). */
  renderStreamAsJson?(answer: ScriptedAnswer, context: RenderContext, route: RouteInfo): string | undefined;
  /** An error event inside a 200 stream. */
  renderStreamError(context: RenderContext): string;
  /** Error, blocked prompt or other non-answer fault, as a whole response. */
  renderFault(fault: SimulatedFault, context: RenderContext): WireResponse | undefined;
  /** Error when the model is not one the simulator knows. */
  renderUnknownModel(model: string, context: Pick<RenderContext, 'requestId' | 'random'>): WireResponse;
  /** The body of a list-models call. */
  renderModelList(models: string[]): string;
}

export const JSON_TYPE = 'application/json';
export const SSE_TYPE = 'text/event-stream; charset=utf-8';

/** What a proxy in front of any provider sends on a 502: an HTML page, not JSON. */
export function renderBadGateway(headers: Record<string, string>): WireResponse {
  return {
    status: 502,
    headers: { ...headers, 'content-type': 'text/html' },
    body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n',
  };
}

/** Splits text into stream deltas of a few words each, at most `maxPieces` of them. */
export function splitIntoPieces(text: string, maxPieces = 48): string[] {
  if (text.length === 0) return [];
  const words = text.match(/\s*\S+/g) ?? [text];
  const perPiece = Math.max(1, Math.ceil(words.length / maxPieces));
  const pieces: string[] = [];
  for (let index = 0; index < words.length; index += perPiece) pieces.push(words.slice(index, index + perPiece).join(''));
  const trailing = text.match(/\s+$/)?.[0];
  if (trailing) pieces[pieces.length - 1] += trailing;
  return pieces;
}

export function sseData(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

export function sseEvent(event: string, payload: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** Random alphanumeric id body, like the providers' own. */
export function randomId(random: Random, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let index = 0; index < length; index++) out += alphabet[Math.floor(random.next() * alphabet.length)];
  return out;
}

/** Retry hint in milliseconds: half a second to two seconds, scaled like every delay. */
export function drawRetryAfterMs(random: Random, latencyScale: number): number {
  return Math.round((500 + random.next() * 1500) * latencyScale);
}

/** Text of a message content that is a string or a list of typed parts. */
export function readContentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : ''))
    .join('\n');
}

export { isRecord } from '../../core/is-record.js';
