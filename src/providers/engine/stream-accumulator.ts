/**
 * What a stream has said so far. Adapters fold events into it; `finishStream` turns it into the
 * same ModelResponse a JSON answer gives, and `partialText` is what a cut stream keeps.
 */
import type { FinishReason, ModelResponse, Usage } from '../../core/types.js';
import { toToolCall } from './to-tool-call.js';

export interface PendingToolCall {
  id: string;
  name: string;
  rawArguments: string;
}

export interface StreamAccumulator {
  text: string;
  reasoning: string;
  refusal: string;
  /** Keyed by the provider's index (OpenAI `index`, Anthropic content block index…). */
  toolCalls: Map<number, PendingToolCall>;
  finishReason?: FinishReason;
  rawFinishReason?: string;
  usage?: Usage;
  /** What the provider says the call cost (OpenRouter `usage.cost`). */
  reportedCostUsd?: number;
  servedModel?: string;
  responseId?: string;
  /** The protocol's final event arrived ([DONE], message_stop, a finishReason). */
  done: boolean;
  /** Something the user would see arrived (text, refusal or a tool call): the TTFT mark. */
  sawOutput: boolean;
  /** What a protocol needs to remember between its own events (raw usage parts, block kinds). */
  protocolState: Record<string, unknown>;
}

export function createStreamAccumulator(): StreamAccumulator {
  return { text: '', reasoning: '', refusal: '', toolCalls: new Map(), done: false, sawOutput: false, protocolState: {} };
}

export function partialText(accumulator: StreamAccumulator): string {
  return accumulator.text || accumulator.refusal;
}

export function finishStream(accumulator: StreamAccumulator): ModelResponse {
  const toolCalls = [...accumulator.toolCalls.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, call]) => toToolCall(call.id, call.name, call.rawArguments));
  const response: ModelResponse = {
    text: accumulator.text,
    toolCalls,
    finishReason: accumulator.finishReason ?? 'unknown',
    usage: accumulator.usage ?? { input_tokens: 0, output_tokens: 0 },
  };
  if (accumulator.rawFinishReason !== undefined) response.rawFinishReason = accumulator.rawFinishReason;
  if (accumulator.refusal) response.refusal = accumulator.refusal;
  if (accumulator.reasoning) response.reasoning = accumulator.reasoning;
  if (accumulator.servedModel) response.servedModel = accumulator.servedModel;
  if (accumulator.responseId) response.responseId = accumulator.responseId;
  if (accumulator.reportedCostUsd !== undefined) response.reportedCostUsd = accumulator.reportedCostUsd;
  return response;
}
