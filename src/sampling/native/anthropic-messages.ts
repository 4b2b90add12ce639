/**
 * Anthropic `messages` → canonical messages. A user turn's `tool_result` blocks become `tool`
 * messages placed before the rest of the turn (Anthropic requires them first, and OpenAI wants
 * them right after the assistant's calls); `tool_use` blocks become `tool_calls` with the input as
 * JSON text and the id kept; images become `image_url` parts (base64 → data URL); a base64 PDF
 * `document` becomes a `file` part. Thinking blocks in assistant history are dropped and named:
 * their signatures only verify against Anthropic, and no other protocol can take them back.
 */
import type { CanonicalToolCall, ChatMessage, ContentPart } from '../../core/types.js';
import { describeValue, isObject, stringifyArguments, toContent, toDataUrl, type NativeContext } from './native-context.js';

export function convertAnthropicMessages(value: unknown, context: NativeContext): ChatMessage[] {
  if (!Array.isArray(value) || value.length === 0) {
    context.fail(context.at('messages'), `expected a non-empty array of Anthropic messages ({role: "user"|"assistant", content}), got ${describeValue(value)}`);
  }
  const out: ChatMessage[] = [];
  value.forEach((message, index) => {
    const path = context.at('messages', index);
    if (!isObject(message) || (message.role !== 'user' && message.role !== 'assistant')) {
      context.fail(path, `expected an Anthropic message with role "user" or "assistant", got ${describeValue(message)}`);
    }
    const content = message.content;
    if (typeof content === 'string') {
      out.push({ role: message.role, content });
      return;
    }
    if (!Array.isArray(content)) context.fail(`${path}.content`, `expected a string or an array of content blocks, got ${describeValue(content)}`);
    if (message.role === 'assistant') convertAssistantTurn(content, `${path}.content`, context, out);
    else convertUserTurn(content, `${path}.content`, context, out);
  });
  return out;
}

function readBlock(block: unknown, path: string, context: NativeContext): Record<string, unknown> & { type: string } {
  if (!isObject(block) || typeof block.type !== 'string') context.fail(path, `expected a content block with a "type", got ${describeValue(block)}`);
  if (block.cache_control !== undefined) context.drop('cache_control');
  return block as Record<string, unknown> & { type: string };
}

function convertUserTurn(blocks: unknown[], path: string, context: NativeContext, out: ChatMessage[]): void {
  const toolMessages: ChatMessage[] = [];
  const parts: ContentPart[] = [];
  blocks.forEach((raw, index) => {
    const block = readBlock(raw, `${path}[${index}]`, context);
    if (block.type === 'tool_result') toolMessages.push(convertToolResult(block, `${path}[${index}]`, context));
    else if (block.type === 'tool_use') context.fail(`${path}[${index}]`, 'a tool_use block belongs in an assistant turn, not a user turn');
    else {
      const part = convertPart(block, `${path}[${index}]`, context);
      if (part) parts.push(part);
    }
  });
  out.push(...toolMessages);
  if (parts.length > 0) out.push({ role: 'user', content: toContent(parts) });
}

function convertAssistantTurn(blocks: unknown[], path: string, context: NativeContext, out: ChatMessage[]): void {
  const parts: ContentPart[] = [];
  const calls: CanonicalToolCall[] = [];
  blocks.forEach((raw, index) => {
    const block = readBlock(raw, `${path}[${index}]`, context);
    if (block.type === 'tool_use') {
      if (typeof block.id !== 'string' || typeof block.name !== 'string') {
        context.fail(`${path}[${index}]`, 'expected a tool_use block with a string "id" and "name"');
      }
      calls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: stringifyArguments(block.input) } });
    } else if (block.type === 'tool_result') {
      context.fail(`${path}[${index}]`, 'a tool_result block belongs in a user turn, not an assistant turn');
    } else {
      const part = convertPart(block, `${path}[${index}]`, context);
      if (part) parts.push(part);
    }
  });
  if (parts.length === 0 && calls.length === 0) return;
  const message: ChatMessage = { role: 'assistant', content: parts.length > 0 ? toContent(parts) : null };
  if (calls.length > 0) message.tool_calls = calls;
  out.push(message);
}

function convertToolResult(block: Record<string, unknown>, path: string, context: NativeContext): ChatMessage {
  if (typeof block.tool_use_id !== 'string') context.fail(`${path}.tool_use_id`, 'expected the id of the tool_use this result answers');
  if (block.is_error === true) context.drop('tool_result.is_error');
  const content = block.content;
  let text: ChatMessage['content'] = '';
  if (typeof content === 'string') text = content;
  else if (Array.isArray(content)) {
    const parts: ContentPart[] = [];
    content.forEach((raw, index) => {
      const inner = readBlock(raw, `${path}.content[${index}]`, context);
      if (inner.type === 'text' && typeof inner.text === 'string') parts.push({ type: 'text', text: inner.text });
      else context.drop(`tool_result.content.${inner.type}`);
    });
    text = parts.length === 0 ? '' : toContent(parts);
  } else if (content !== undefined) context.fail(`${path}.content`, `expected a string or an array of blocks, got ${describeValue(content)}`);
  return { role: 'tool', tool_call_id: block.tool_use_id, content: text };
}

/** One non-tool block → a canonical part, or undefined when it has no equivalent (dropped and named). */
function convertPart(block: Record<string, unknown> & { type: string }, path: string, context: NativeContext): ContentPart | undefined {
  switch (block.type) {
    case 'text':
      if (typeof block.text !== 'string') context.fail(`${path}.text`, 'expected the text of a text block');
      if (block.citations !== undefined && block.citations !== null) context.drop('content.text.citations');
      return { type: 'text', text: block.text };
    case 'image':
      return convertImage(block, path, context);
    case 'document':
      return convertDocument(block, path, context);
    default:
      // thinking, redacted_thinking, server tool blocks, search results…: no canonical form.
      context.drop(`content.${block.type}`);
      return undefined;
  }
}

function convertImage(block: Record<string, unknown>, path: string, context: NativeContext): ContentPart | undefined {
  const source = block.source;
  if (!isObject(source) || typeof source.type !== 'string') context.fail(`${path}.source`, 'expected an image source {type: "base64"|"url", …}');
  if (source.type === 'base64') {
    if (typeof source.media_type !== 'string' || typeof source.data !== 'string') {
      context.fail(`${path}.source`, 'expected a base64 image source with "media_type" and "data"');
    }
    return { type: 'image_url', image_url: { url: toDataUrl(source.media_type, source.data) } };
  }
  if (source.type === 'url' && typeof source.url === 'string') return { type: 'image_url', image_url: { url: source.url } };
  context.drop(`content.image.source.${source.type}`);
  return undefined;
}

/** Base64 PDFs and plain-text documents have a canonical form (an OpenAI `file` part); URL and file-id documents are dropped. */
function convertDocument(block: Record<string, unknown>, path: string, context: NativeContext): ContentPart | undefined {
  const source = block.source;
  if (!isObject(source) || typeof source.type !== 'string') context.fail(`${path}.source`, 'expected a document source {type: "base64"|"text"|"url"|…}');
  if (source.type === 'base64' && source.media_type === 'application/pdf' && typeof source.data === 'string') {
    const filename = typeof block.title === 'string' ? block.title : 'document.pdf';
    return { type: 'file', file: { filename, file_data: toDataUrl('application/pdf', source.data) } };
  }
  if (source.type === 'text' && typeof source.data === 'string') {
    const filename = typeof block.title === 'string' ? block.title : 'document.txt';
    return { type: 'file', file: { filename, file_data: toDataUrl('text/plain', Buffer.from(source.data, 'utf8').toString('base64')) } };
  }
  context.drop(`content.document.source.${source.type}`);
  return undefined;
}
