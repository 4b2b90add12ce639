/**
 * One GenerateContentResponse folded into the accumulator. A streamed event is a full partial
 * response, so the JSON answer is the same fold applied once (from-gemini-response.ts).
 * A blocked prompt (no candidates, `promptFeedback.blockReason`, HTTP 200) is a content-filter
 * outcome, not an error.
 */
import { z } from 'zod';
import type { StreamAccumulator } from '../engine/stream-accumulator.js';
import { applyPartialArgs, type OpenArguments, type PartialArg } from './fold-partial-args.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';
import { GeminiUsageSchema, mapGeminiUsage } from './map-gemini-usage.js';

const PartSchema = z.object({
  text: z.string().nullish(),
  thought: z.boolean().nullish(),
  functionCall: z
    .object({
      id: z.string().nullish(),
      // Absent on Vertex's streamed-argument continuation chunks (fold-partial-args.ts).
      name: z.string().nullish(),
      args: z.unknown().optional(),
      partialArgs: z.array(z.object({ jsonPath: z.string() }).loose()).nullish(),
      willContinue: z.boolean().nullish(),
    })
    .nullish(),
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
    if (part.functionCall) foldFunctionCall(accumulator, part.functionCall);
  }
  if (candidate.finishReason) {
    const finish = mapGeminiFinishReason(candidate.finishReason, accumulator.toolCalls.size > 0);
    accumulator.finishReason = finish;
    accumulator.rawFinishReason = candidate.finishReason;
    if (finish === 'content_filter') accumulator.refusal = candidate.finishMessage ?? `answer blocked (${candidate.finishReason})`;
    accumulator.done = true;
  }
}

type FunctionCallPart = NonNullable<NonNullable<z.infer<typeof PartSchema>['functionCall']>>;

/** A whole call (Gemini API), or Vertex's streamed one: opened by name, filled by partialArgs, closed by `{}`. */
function foldFunctionCall(accumulator: StreamAccumulator, call: FunctionCallPart): void {
  const state = accumulator.protocolState as { openCall?: { index: number; args: OpenArguments } };
  if (call.name) {
    const index = accumulator.toolCalls.size;
    const args = (call.args && typeof call.args === 'object' ? call.args : {}) as OpenArguments;
    accumulator.toolCalls.set(index, { id: call.id ?? `call_${index}`, name: call.name, rawArguments: JSON.stringify(args) });
    accumulator.sawOutput = true;
    state.openCall = call.willContinue ? { index, args } : undefined;
    return;
  }
  const open = state.openCall;
  if (!open) return;
  if (call.partialArgs) applyPartialArgs(open.args, call.partialArgs as PartialArg[]);
  accumulator.toolCalls.get(open.index)!.rawArguments = JSON.stringify(open.args);
  if (!call.willContinue) state.openCall = undefined;
}
