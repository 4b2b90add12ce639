/** One chat.completion.chunk (or `[DONE]`, or an in-stream `{error}`) folded into the accumulator. */
import { z } from 'zod';
import type { StreamAccumulator } from '../engine/stream-accumulator.js';
import { parseEventJson } from '../engine/parse-event-json.js';
import type { SseEvent } from '../adapter.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { mapOpenAIUsage, OpenAIUsageSchema, readReportedCost } from './map-openai-usage.js';
import { OpenAIContentSchema, readOpenAIContent } from './read-openai-content.js';

const ChunkSchema = z.object({
  id: z.string().nullish(),
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        index: z.number().nullish(),
        delta: z
          .object({
            content: OpenAIContentSchema,
            refusal: z.string().nullish(),
            reasoning_content: z.string().nullish(),
            reasoning: z.string().nullish(),
            tool_calls: z
              .array(
                z.object({
                  index: z.number().nullish(),
                  id: z.string().nullish(),
                  function: z.object({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: OpenAIUsageSchema.nullish(),
  error: z.unknown().optional(),
});

export function fromOpenAIStreamEvent(accumulator: StreamAccumulator, event: SseEvent): void | { errorBody: unknown } {
  if (event.data.trim() === '[DONE]') {
    accumulator.done = true;
    return;
  }
  const chunk = parseEventJson(ChunkSchema, event.data, 'chat.completion.chunk');
  if (chunk.error !== undefined && chunk.error !== null) return { errorBody: chunk };
  if (chunk.id && !accumulator.responseId) accumulator.responseId = chunk.id;
  if (chunk.model) accumulator.servedModel = chunk.model;
  if (chunk.usage) {
    accumulator.usage = mapOpenAIUsage(chunk.usage);
    const reportedCost = readReportedCost(chunk.usage);
    if (reportedCost !== undefined) accumulator.reportedCostUsd = reportedCost;
  }
  // `[DONE]` ends the stream; a server that omits it is complete once finish_reason and usage came.
  if (chunk.usage && accumulator.finishReason !== undefined) accumulator.done = true;
  // n > 1 is not a chainproof use; the first choice is the answer.
  const choice = chunk.choices?.find((candidate) => (candidate.index ?? 0) === 0);
  if (!choice) return;
  const delta = choice.delta;
  const content = readOpenAIContent(delta?.content);
  if (content.text) {
    accumulator.text += content.text;
    accumulator.sawOutput = true;
  }
  if (content.reasoning) accumulator.reasoning += content.reasoning;
  if (delta?.refusal) {
    accumulator.refusal += delta.refusal;
    accumulator.sawOutput = true;
  }
  const reasoning = delta?.reasoning_content ?? delta?.reasoning;
  if (reasoning) accumulator.reasoning += reasoning;
  for (const [position, piece] of (delta?.tool_calls ?? []).entries()) {
    const index = piece.index ?? position;
    const pending = accumulator.toolCalls.get(index) ?? { id: '', name: '', rawArguments: '' };
    if (piece.id) pending.id = piece.id;
    // Set once: some compatible servers repeat the name on every delta.
    if (piece.function?.name && !pending.name) pending.name = piece.function.name;
    if (piece.function?.arguments) pending.rawArguments += piece.function.arguments;
    accumulator.toolCalls.set(index, pending);
    accumulator.sawOutput = true;
  }
  if (choice.finish_reason) {
    accumulator.rawFinishReason = choice.finish_reason;
    accumulator.finishReason = accumulator.refusal ? 'content_filter' : mapOpenAIFinishReason(choice.finish_reason);
    if (accumulator.usage) accumulator.done = true;
  }
}
