/**
 * DeepSeek and Qwen reject JSON mode unless the prompt contains the word "json". When it does
 * not, an instruction is added to the system prompt — a change to the prompt, so it is a warning.
 */
import type { ChatMessage } from '../../core/types.js';
import { toText } from '../engine/message-content.js';
import type { Warn } from '../engine/param-table.js';

const INSTRUCTION = 'Respond in JSON.';

export function requireJsonWord(body: Record<string, unknown>, warn: Warn): void {
  const format = body.response_format as { type?: string } | undefined;
  if (format?.type !== 'json_object') return;
  const messages = body.messages as ChatMessage[];
  if (messages.some((message) => (message.role === 'system' || message.role === 'user') && /json/i.test(toText(message.content)))) return;
  const first = messages[0];
  body.messages =
    first?.role === 'system'
      ? [{ ...first, content: `${toText(first.content)}\n\n${INSTRUCTION}` }, ...messages.slice(1)]
      : [{ role: 'system', content: INSTRUCTION }, ...messages];
  warn({ type: 'compat', param: 'messages', detail: `JSON mode needs the word "json" in the prompt; added "${INSTRUCTION}" to the system prompt` });
}

/** json_schema → json_object plus the schema in the prompt, for servers with only JSON mode. */
export function downgradeJsonSchema(body: Record<string, unknown>, warn: Warn): void {
  const format = body.response_format as { type?: string; json_schema?: { schema?: unknown } } | undefined;
  if (format?.type !== 'json_schema') return;
  body.response_format = { type: 'json_object' };
  const messages = body.messages as ChatMessage[];
  const instruction = `Respond in JSON matching this JSON Schema:\n${JSON.stringify(format.json_schema?.schema ?? {})}`;
  const first = messages[0];
  body.messages =
    first?.role === 'system'
      ? [{ ...first, content: `${toText(first.content)}\n\n${instruction}` }, ...messages.slice(1)]
      : [{ role: 'system', content: instruction }, ...messages];
  warn({ type: 'compat', param: 'response_format', detail: 'json_schema is not supported; sent as json_object with the schema in the system prompt (not enforced)' });
}
