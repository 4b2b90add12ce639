/**
 * Bytes → server-sent events with eventsource-parser (comments such as OpenRouter's
 * `: OPENROUTER PROCESSING` keep-alives are skipped by the parser). Events are yielded after each
 * chunk is parsed, so an adapter that throws never does so inside the parser's callback.
 *
 * Lines that are not SSE at all (Gemini/Vertex append a bare JSON error object to a 200 stream)
 * are collected and yielded once at the end as a `STRAY_TEXT_EVENT`.
 */
import { createParser } from 'eventsource-parser';
import type { SseEvent } from '../adapter.js';

export const STRAY_TEXT_EVENT = 'chainproof:stray-text';

export async function* readSseEvents(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const pending: SseEvent[] = [];
  const stray: string[] = [];
  const parser = createParser({
    onEvent: (message) => pending.push(message.event === undefined ? { data: message.data } : { event: message.event, data: message.data }),
    onError: (error) => {
      if (error.type === 'unknown-field' && error.line !== undefined) stray.push(error.line);
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    while (pending.length > 0) yield pending.shift()!;
  }
  // One newline ends a last unterminated line without dispatching its event: by the SSE spec an
  // event missing its closing blank line at end of stream is discarded, which is what makes a
  // stream cut mid-event visible as a missing final event.
  parser.feed(`${decoder.decode()}\n`);
  while (pending.length > 0) yield pending.shift()!;
  if (stray.length > 0) yield { event: STRAY_TEXT_EVENT, data: stray.join('\n') };
}
