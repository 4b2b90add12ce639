/** A chat.completion body → ModelResponse, reading only the fields below. */
import { z } from 'zod';
import { createProviderError } from '../../core/errors.js';
import type { ModelResponse } from '../../core/types.js';
import { toToolCall } from '../engine/to-tool-call.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { mapOpenAIUsage, OpenAIUsageSchema, readReportedCost } from './map-openai-usage.js';
import { OpenAIContentSchema, readOpenAIContent } from './read-openai-content.js';

const ToolCallSchema = z.object({
  id: z.string().nullish(),
  function: z.object({ name: z.string(), arguments: z.string().nullish() }),
});

const OpenAIResponseSchema = z.object({
  id: z.string().nullish(),
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: OpenAIContentSchema,
          refusal: z.string().nullish(),
          reasoning_content: z.string().nullish(),
          reasoning: z.string().nullish(),
          tool_calls: z.array(ToolCallSchema).nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: OpenAIUsageSchema.nullish(),
});

export function fromOpenAIResponse(body: unknown): ModelResponse {
  const parsed = OpenAIResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw createProviderError('malformed_response', `unexpected chat.completion body: ${z.prettifyError(parsed.error)}`);
  }
  const { id, model, choices, usage } = parsed.data;
  const { message, finish_reason: rawFinish } = choices[0]!;
  const content = readOpenAIContent(message.content);
  const response: ModelResponse = {
    text: content.text,
    toolCalls: (message.tool_calls ?? []).map((call, index) =>
      toToolCall(call.id ?? `call_${index}`, call.function.name, call.function.arguments ?? ''),
    ),
    finishReason: message.refusal ? 'content_filter' : mapOpenAIFinishReason(rawFinish),
    usage: usage ? mapOpenAIUsage(usage) : { input_tokens: 0, output_tokens: 0 },
  };
  if (rawFinish != null) response.rawFinishReason = rawFinish;
  if (message.refusal) response.refusal = message.refusal;
  const reasoning = message.reasoning_content ?? message.reasoning ?? content.reasoning;
  if (reasoning) response.reasoning = reasoning;
  if (model) response.servedModel = model;
  if (id) response.responseId = id;
  const reportedCost = usage ? readReportedCost(usage) : undefined;
  if (reportedCost !== undefined) response.reportedCostUsd = reportedCost;
  return response;
}
