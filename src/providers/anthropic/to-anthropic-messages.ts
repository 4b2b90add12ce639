/**
 * Canonical messages → Anthropic `system` + `messages`: system/developer text goes top-level,
 * tool results become `tool_result` blocks in a user turn, assistant tool calls `tool_use` blocks,
 * images `image` blocks, and consecutive turns of one role are merged (Anthropic alternates).
 */
import type { ChatMessage } from '../../core/types.js';
import type { Warn } from '../engine/param-table.js';
import { parseArguments, readImageUrl, readInlineFile, toParts, toText } from '../engine/message-content.js';

type Block = Record<string, unknown>;
interface Turn {
  role: 'user' | 'assistant';
  content: Block[];
}

export function toAnthropicMessages(messages: ChatMessage[], warn: Warn): { system?: string; messages: Turn[] } {
  const system: string[] = [];
  const turns: Turn[] = [];
  let merged = 0;
  let lateSystem = false;
  for (const message of messages) {
    if (message.role === 'system' || message.role === 'developer') {
      if (turns.length > 0) lateSystem = true;
      const text = toText(message.content);
      if (text) system.push(text);
      continue;
    }
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const blocks = toBlocks(message, warn);
    if (blocks.length === 0) continue;
    const last = turns[turns.length - 1];
    if (last && last.role === role) {
      last.content.push(...blocks);
      if (message.role !== 'tool') merged++;
    } else turns.push({ role, content: blocks });
  }
  if (lateSystem) warn({ type: 'compat', param: 'messages', detail: 'a system message after the first turn was moved to the top-level system prompt' });
  if (merged > 0) warn({ type: 'compat', param: 'messages', detail: `${merged} consecutive same-role turn(s) merged (Anthropic alternates user/assistant)` });
  const out: { system?: string; messages: Turn[] } = { messages: turns };
  if (system.length > 0) out.system = system.join('\n\n');
  return out;
}

function toBlocks(message: ChatMessage, warn: Warn): Block[] {
  if (message.role === 'tool') {
    return [{ type: 'tool_result', tool_use_id: message.tool_call_id ?? '', content: toText(message.content) }];
  }
  const blocks: Block[] = [];
  for (const part of toParts(message.content)) {
    if (part.type === 'text') blocks.push({ type: 'text', text: (part as { text: string }).text });
    else if (part.type === 'image_url') blocks.push(toImageBlock((part as { image_url: { url: string } }).image_url.url));
    else {
      const document = part.type === 'file' ? toDocumentBlock(readInlineFile(part)) : undefined;
      if (document) blocks.push(document);
      else warn({ type: 'unsupported', param: 'messages', detail: `content part of type "${part.type}" dropped` });
    }
  }
  for (const call of message.tool_calls ?? []) {
    blocks.push({ type: 'tool_use', id: call.id, name: call.function.name, input: parseArguments(call.function.arguments) });
  }
  return blocks;
}

function toImageBlock(url: string): Block {
  const image = readImageUrl(url);
  // Some clients send a PDF as an image_url data URL (OpenRouter takes it); Anthropic reads PDFs as documents.
  if (image.kind === 'base64' && image.mediaType === 'application/pdf') return { type: 'document', source: { type: 'base64', media_type: image.mediaType, data: image.data } };
  if (image.kind === 'base64') return { type: 'image', source: { type: 'base64', media_type: image.mediaType, data: image.data } };
  return { type: 'image', source: { type: 'url', url: image.url } };
}

/** Anthropic reads PDFs and plain text as `document` blocks; other inline files have no block to go in. */
function toDocumentBlock(file: { mediaType: string; data: string } | undefined): Block | undefined {
  if (file?.mediaType === 'application/pdf') return { type: 'document', source: { type: 'base64', media_type: file.mediaType, data: file.data } };
  if (file?.mediaType === 'text/plain') return { type: 'document', source: { type: 'text', media_type: 'text/plain', data: Buffer.from(file.data, 'base64').toString('utf8') } };
  return undefined;
}
