/**
 * One GenerateContentResponse folded into the accumulator. A streamed event is a full partial
 * response, so the JSON answer is the same fold applied once (from-gemini-response.ts).
 * A blocked prompt (no candidates, `promptFeedback.blockReason`, HTTP 200) is a content-filter
 * outcome, not an error.
 */
import { z } from 'zod';
import type { StreamAccumulator } from '../engine/stream-accumulator.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';
import { GeminiUsageSchema, mapGeminiUsage } from './map-gemini-usage.js';

const PartSchema = z.object({
  text: z.string().nullish(),
  thought: z.boolean().nullish(),
  functionCall: z.object({ id: z.string().nullish(), name: z.string(), args: z.unknown().optional() }).nullish(),
});

export const GeminiChunkSchema = z.object({
  candidates: z
    .array(
      z.object({
        content: z.object({ parts: z.array(PartSchema).nullish() }).nullish(),
        finishReason: z.string().nullish(),
        finishMessage: z.string().nullish(),
      }),
    )
    .nullish(),
  promptFeedback: z.object({ blockReason: z.string().nullish(), blockReasonMessage: z.string().nullish() }).nullish(),
  usageMetadata: GeminiUsageSchema.nullish(),
  modelVersion: z.string().nullish(),
  responseId: z.string().nullish(),
});
export type GeminiChunk = z.infer<typeof GeminiChunkSchema>;

export function foldGeminiChunk(accumulator: StreamAccumulator, chunk: GeminiChunk): void {
  if (chunk.responseId) accumulator.responseId = chunk.responseId;
  if (chunk.modelVersion) accumulator.servedModel = chunk.modelVersion;
  if (chunk.usageMetadata) accumulator.usage = mapGeminiUsage(chunk.usageMetadata);
  const blockReason = chunk.promptFeedback?.blockReason;
  if (blockReason && !chunk.candidates?.length) {
    accumulator.finishReason = 'content_filter';
    accumulator.rawFinishReason = blockReason;
    accumulator.refusal = chunk.promptFeedback?.blockReasonMessage ?? `prompt blocked (${blockReason})`;
    accumulator.done = true;
    return;
  }
  const candidate = chunk.candidates?.[0];
  if (!candidate) return;
  for (const part of candidate.content?.parts ?? []) {
    if (part.thought && part.text) accumulator.reasoning += part.text;
    else if (part.text) {
      accumulator.text += part.text;
      accumulator.sawOutput = true;
    }
    if (part.functionCall) {
      const index = accumulator.toolCalls.size;
      accumulator.toolCalls.set(index, {
        id: part.functionCall.id ?? `call_${index}`,
        name: part.functionCall.name,
        rawArguments: JSON.stringify(part.functionCall.args ?? {}),
      });
      accumulator.sawOutput = true;
    }
  }
  if (candidate.finishReason) {
    const finish = mapGeminiFinishReason(candidate.finishReason, accumulator.toolCalls.size > 0);
    accumulator.finishReason = finish;
    accumulator.rawFinishReason = candidate.finishReason;
    if (finish === 'content_filter') accumulator.refusal = candidate.finishMessage ?? `answer blocked (${candidate.finishReason})`;
    accumulator.done = true;
  }
}
