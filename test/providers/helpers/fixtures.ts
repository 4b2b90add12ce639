import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderAdapter } from '../../../src/providers/adapter.js';
import { createStreamAccumulator, finishStream, type StreamAccumulator } from '../../../src/providers/engine/stream-accumulator.js';
import { readSseEvents } from '../../../src/providers/http/read-sse-events.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fixtureRoot = path.join(projectRoot, 'test', 'fixtures', 'providers');

export function readFixture(provider: string, name: string): string {
  return readFileSync(path.join(fixtureRoot, provider, name), 'utf8');
}

export function readJsonFixture(provider: string, name: string): unknown {
  return JSON.parse(readFixture(provider, name));
}

/** vercel-ai `*.chunks.txt` (one event payload per line) → raw SSE text. */
export function chunksToSse(chunks: string, withDone = false, eventNames = false): string {
  const lines = chunks.split('\n').filter((line) => line.trim() !== '');
  const events = lines.map((line) => {
    const name = eventNames ? `event: ${(JSON.parse(line) as { type: string }).type}\n` : '';
    return `${name}data: ${line}\n\n`;
  });
  return events.join('') + (withDone ? 'data: [DONE]\n\n' : '');
}

/** Splits text into small byte chunks, as a network would. */
export async function* toByteChunks(text: string, size = 37): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.slice(offset, offset + size);
}

/** Runs raw SSE text through the real parser and an adapter's fromStreamEvent. */
export async function foldSse(adapter: ProviderAdapter, sse: string): Promise<{ accumulator: StreamAccumulator; errorBody?: unknown }> {
  const accumulator = createStreamAccumulator();
  for await (const event of readSseEvents(toByteChunks(sse))) {
    const outcome = adapter.fromStreamEvent(accumulator, event);
    if (outcome) return { accumulator, errorBody: outcome.errorBody };
  }
  return { accumulator };
}

export { finishStream };
