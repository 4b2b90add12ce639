/**
 * Bytes → server-sent events with eventsource-parser (comments such as OpenRouter's
 * `: OPENROUTER PROCESSING` keep-alives are skipped by the parser). Events are yielded after each
 * chunk is parsed, so an adapter that throws never does so inside the parser's callback.
 */
import { createParser } from 'eventsource-parser';
import type { SseEvent } from '../adapter.js';

export async function* readSseEvents(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const pending: SseEvent[] = [];
  const parser = createParser({
    onEvent: (message) => pending.push(message.event === undefined ? { data: message.data } : { event: message.event, data: message.data }),
  });
  const decoder = new TextDecoder();
  for await (const chunk of body) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    while (pending.length > 0) yield pending.shift()!;
  }
  // No flush: by the SSE spec an event without its closing blank line at end of stream is
  // discarded, which is what makes a stream cut mid-event visible as a missing final event.
  parser.feed(decoder.decode());
  while (pending.length > 0) yield pending.shift()!;
}
