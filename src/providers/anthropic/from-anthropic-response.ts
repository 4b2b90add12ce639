/** A Messages body → ModelResponse. The forced JSON tool's input becomes the answer text. */
import { z } from 'zod';
import { createProviderError } from '../../core/errors.js';
import type { ModelResponse } from '../../core/types.js';
import { JSON_RESPONSE_TOOL } from '../engine/json-response.js';
import { toToolCall } from '../engine/to-tool-call.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { AnthropicUsageSchema, mapAnthropicUsage } from './map-anthropic-usage.js';

const BlockSchema = z.object({
  type: z.string(),
  text: z.string().nullish(),
  thinking: z.string().nullish(),
  id: z.string().nullish(),
  name: z.string().nullish(),
  input: z.unknown().optional(),
});

const MessageSchema = z.object({
  id: z.string().nullish(),
  model: z.string().nullish(),
  content: z.array(BlockSchema),
  stop_reason: z.string().nullish(),
  stop_details: z.object({ explanation: z.string().nullish() }).nullish(),
  usage: AnthropicUsageSchema.nullish(),
});

export function fromAnthropicResponse(body: unknown): ModelResponse {
  const parsed = MessageSchema.safeParse(body);
  if (!parsed.success) throw createProviderError('malformed_response', `unexpected Messages body: ${z.prettifyError(parsed.error)}`);
  const message = parsed.data;
  let text = '';
  let reasoning = '';
  let forcedJson = false;
  const toolCalls = [];
  for (const block of message.content) {
    if (block.type === 'text') text += block.text ?? '';
    else if (block.type === 'thinking') reasoning += block.thinking ?? '';
    else if (block.type === 'tool_use' && block.name === JSON_RESPONSE_TOOL) {
      text += JSON.stringify(block.input ?? {});
      forcedJson = true;
    } else if (block.type === 'tool_use') toolCalls.push(toToolCall(block.id ?? '', block.name ?? '', JSON.stringify(block.input ?? {})));
  }
  const raw = message.stop_reason;
  const response: ModelResponse = {
    text,
    toolCalls,
    finishReason: forcedJson && raw === 'tool_use' ? 'stop' : mapAnthropicFinishReason(raw),
    usage: message.usage ? mapAnthropicUsage(message.usage) : { input_tokens: 0, output_tokens: 0 },
  };
  if (raw != null) response.rawFinishReason = raw;
  if (raw === 'refusal') response.refusal = message.stop_details?.explanation ?? (text || 'refused');
  if (reasoning) response.reasoning = reasoning;
  if (message.model) response.servedModel = message.model;
  if (message.id) response.responseId = message.id;
  return response;
}
