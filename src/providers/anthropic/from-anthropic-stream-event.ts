/** One Messages stream event folded into the accumulator; `message_stop` is the final event. */
import { z } from 'zod';
import type { SseEvent } from '../adapter.js';
import { JSON_RESPONSE_TOOL } from '../engine/json-response.js';
import { parseEventJson } from '../engine/parse-event-json.js';
import type { StreamAccumulator } from '../engine/stream-accumulator.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { AnthropicUsageSchema, mapAnthropicUsage, mergeAnthropicUsage, type AnthropicUsage } from './map-anthropic-usage.js';

const EventSchema = z.object({
  type: z.string(),
  index: z.number().nullish(),
  message: z.object({ id: z.string().nullish(), model: z.string().nullish(), usage: AnthropicUsageSchema.nullish() }).nullish(),
  content_block: z.object({ type: z.string(), id: z.string().nullish(), name: z.string().nullish() }).nullish(),
  delta: z
    .object({
      type: z.string().nullish(),
      text: z.string().nullish(),
      partial_json: z.string().nullish(),
      thinking: z.string().nullish(),
      stop_reason: z.string().nullish(),
      stop_details: z.object({ explanation: z.string().nullish() }).nullish(),
    })
    .nullish(),
  usage: AnthropicUsageSchema.nullish(),
});

/** Protocol state kept beside the accumulator (raw usage parts, the forced JSON tool's index). */
interface AnthropicStreamState {
  usage?: AnthropicUsage;
  jsonToolIndex?: number;
}

export function fromAnthropicStreamEvent(accumulator: StreamAccumulator, event: SseEvent): void | { errorBody: unknown } {
  const data = parseEventJson(EventSchema.loose(), event.data, 'Messages stream event');
  const state = accumulator.protocolState as AnthropicStreamState;
  const index = data.index ?? 0;
  switch (data.type) {
    case 'error':
      return { errorBody: data };
    case 'message_start':
      if (data.message?.id) accumulator.responseId = data.message.id;
      if (data.message?.model) accumulator.servedModel = data.message.model;
      if (data.message?.usage) foldUsage(accumulator, state, data.message.usage);
      return;
    case 'content_block_start':
      if (data.content_block?.type === 'tool_use') {
        if (data.content_block.name === JSON_RESPONSE_TOOL) state.jsonToolIndex = index;
        else accumulator.toolCalls.set(index, { id: data.content_block.id ?? '', name: data.content_block.name ?? '', rawArguments: '' });
        accumulator.sawOutput = true;
      }
      return;
    case 'content_block_delta':
      foldDelta(accumulator, state, index, data.delta);
      return;
    case 'message_delta':
      if (data.delta?.stop_reason) {
        const raw = data.delta.stop_reason;
        accumulator.rawFinishReason = raw;
        accumulator.finishReason = state.jsonToolIndex !== undefined && raw === 'tool_use' ? 'stop' : mapAnthropicFinishReason(raw);
        if (raw === 'refusal') accumulator.refusal = data.delta.stop_details?.explanation ?? (accumulator.text || 'refused');
      }
      if (data.usage) foldUsage(accumulator, state, data.usage);
      return;
    case 'message_stop':
      accumulator.done = true;
      return;
    default:
      return; // ping, content_block_stop and future event types carry nothing we read
  }
}

function foldDelta(accumulator: StreamAccumulator, state: AnthropicStreamState, index: number, delta: z.infer<typeof EventSchema>['delta']): void {
  if (!delta) return;
  if (delta.type === 'text_delta' && delta.text) {
    accumulator.text += delta.text;
    accumulator.sawOutput = true;
  } else if (delta.type === 'thinking_delta' && delta.thinking) {
    accumulator.reasoning += delta.thinking;
  } else if (delta.type === 'input_json_delta' && delta.partial_json) {
    if (index === state.jsonToolIndex) accumulator.text += delta.partial_json;
    else {
      const pending = accumulator.toolCalls.get(index);
      if (pending) pending.rawArguments += delta.partial_json;
    }
    accumulator.sawOutput = true;
  }
}

function foldUsage(accumulator: StreamAccumulator, state: AnthropicStreamState, usage: AnthropicUsage): void {
  state.usage = mergeAnthropicUsage(state.usage, usage);
  accumulator.usage = mapAnthropicUsage(state.usage);
}
