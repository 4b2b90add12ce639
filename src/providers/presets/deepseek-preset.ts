/**
 * DeepSeek: JSON mode only (json_object, with "json" in the prompt); cached tokens as
 * prompt_cache_hit_tokens; an assistant turn's `reasoning_content` must not be sent back
 * (deepseek-reasoner answers 400, PROVIDERS.md).
 */
import type { ChatMessage } from '../../core/types.js';
import type { Warn } from '../engine/param-table.js';
import type { OpenAIPreset } from '../openai/openai-preset.js';
import { COMPATIBLE_BASE_TABLE } from './compatible-base-table.js';
import { downgradeJsonSchema, requireJsonWord } from './require-json-word.js';

export const DEEPSEEK_PRESET: OpenAIPreset = {
  name: 'deepseek',
  defaultBaseUrl: 'https://api.deepseek.com',
  table: COMPATIBLE_BASE_TABLE,
  passUnknown: true,
  streamUsage: true,
  finishBody: (body, _request, warn) => {
    body.messages = dropReasoningContent(body.messages as ChatMessage[], warn);
    downgradeJsonSchema(body, warn);
    requireJsonWord(body, warn);
  },
};

export function dropReasoningContent(messages: ChatMessage[], warn: Warn): ChatMessage[] {
  let dropped = 0;
  const out = messages.map((message) => {
    if (message.role !== 'assistant' || message.reasoning_content === undefined) return message;
    dropped++;
    const { reasoning_content: _reasoning, ...rest } = message;
    return rest as ChatMessage;
  });
  if (dropped > 0) {
    warn({ type: 'unsupported', param: 'messages', detail: `reasoning_content dropped from ${dropped} assistant turn(s): DeepSeek rejects it in the conversation history (400)` });
  }
  return out;
}
