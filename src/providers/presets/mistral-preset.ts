/**
 * Mistral: `random_seed` instead of `seed`, tool-call ids of exactly 9 characters [a-zA-Z0-9]
 * (OpenAI's `call_…` ids are rejected), and a conversation must not end on a plain assistant turn.
 */
import type { ChatMessage } from '../../core/types.js';
import { renamedTo, type Warn } from '../engine/param-table.js';
import type { OpenAIPreset } from '../openai/openai-preset.js';
import { COMPATIBLE_BASE_TABLE } from './compatible-base-table.js';

const MISTRAL_ID = /^[a-zA-Z0-9]{9}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const MISTRAL_PRESET: OpenAIPreset = {
  name: 'mistral',
  defaultBaseUrl: 'https://api.mistral.ai/v1',
  table: { ...COMPATIBLE_BASE_TABLE, seed: renamedTo('random_seed', 'Mistral names the seed random_seed') },
  passUnknown: true,
  // Mistral puts usage on its last chunk unasked and may reject stream_options.
  streamUsage: false,
  contextLengthText: /too large for model|maximum context length|context length/i,
  finishBody: (body, _request, warn) => {
    body.messages = toMistralMessages(body.messages as ChatMessage[], warn);
  },
};

function toMistralMessages(messages: ChatMessage[], warn: Warn): ChatMessage[] {
  let renamed = false;
  const mapId = (id: string): string => {
    if (MISTRAL_ID.test(id)) return id;
    renamed = true;
    return toMistralToolCallId(id);
  };
  const out = messages.map((message) => {
    if (message.tool_calls) return { ...message, tool_calls: message.tool_calls.map((call) => ({ ...call, id: mapId(call.id) })) };
    if (message.role === 'tool' && message.tool_call_id) return { ...message, tool_call_id: mapId(message.tool_call_id) };
    return message;
  });
  if (renamed) warn({ type: 'compat', param: 'messages', detail: 'tool-call ids rewritten to the 9-character ids Mistral requires' });
  const last = out[out.length - 1];
  if (last?.role === 'assistant' && !last.tool_calls && last.prefix !== true) {
    out[out.length - 1] = { ...last, prefix: true };
    warn({ type: 'compat', param: 'messages', detail: 'the final assistant turn was sent with prefix: true (Mistral rejects a conversation ending on an assistant turn)' });
  }
  return out;
}

/** A stable 9-character id from any id (FNV-1a), so a call and its result still match. */
export function toMistralToolCallId(id: string): string {
  let hash = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 9; round++) {
    for (const char of `${round}:${id}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    let value = hash;
    for (let digit = 0; digit < 4 && out.length < 9; digit++) {
      out += ALPHABET[value % ALPHABET.length];
      value = Math.floor(value / ALPHABET.length);
    }
  }
  return out;
}
