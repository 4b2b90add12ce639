import { z } from 'zod';
import { createProviderError } from '../../core/errors.js';
import type { ModelResponse } from '../../core/types.js';
import type { SseEvent } from '../adapter.js';
import { parseEventJson } from '../engine/parse-event-json.js';
import { createStreamAccumulator, finishStream, type StreamAccumulator } from '../engine/stream-accumulator.js';
import { foldGeminiChunk, GeminiChunkSchema } from './from-gemini-chunk.js';

export function fromGeminiResponse(body: unknown): ModelResponse {
  const parsed = GeminiChunkSchema.safeParse(body);
  if (!parsed.success) throw createProviderError('malformed_response', `unexpected generateContent body: ${z.prettifyError(parsed.error)}`);
  if (!parsed.data.candidates?.length && !parsed.data.promptFeedback?.blockReason) {
    throw createProviderError('malformed_response', 'generateContent answered with no candidates and no block reason');
  }
  const accumulator = createStreamAccumulator();
  foldGeminiChunk(accumulator, parsed.data);
  return finishStream(accumulator);
}

/** Gemini streams have no sentinel: the event carrying a finishReason is the final one. */
export function fromGeminiStreamEvent(accumulator: StreamAccumulator, event: SseEvent): void | { errorBody: unknown } {
  const chunk = parseEventJson(GeminiChunkSchema.loose(), event.data, 'streamGenerateContent event');
  if ((chunk as { error?: unknown }).error !== undefined) return { errorBody: chunk };
  foldGeminiChunk(accumulator, chunk);
}
