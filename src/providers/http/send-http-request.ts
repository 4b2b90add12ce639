/**
 * The only I/O of providers/: one POST through undici. It returns the status, lower-cased
 * headers and the unread body; reading, timing and classification happen in the caller.
 */
import { request, type Dispatcher } from 'undici';

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
  dispatcher?: Dispatcher;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array> & { text(): Promise<string> };
}

export type SendHttpRequest = (httpRequest: HttpRequest) => Promise<HttpResponse>;

export const sendHttpRequest: SendHttpRequest = async (httpRequest) => {
  const response = await request(httpRequest.url, {
    method: 'POST',
    headers: httpRequest.headers,
    body: httpRequest.body,
    signal: httpRequest.signal,
    ...(httpRequest.dispatcher ? { dispatcher: httpRequest.dispatcher } : {}),
  });
  return { status: response.statusCode, headers: flattenHeaders(response.headers), body: response.body };
};

export function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
