/**
 * Gemini `contents` → canonical messages. `model` turns are assistant messages (text parts +
 * `functionCall` → `tool_calls`); a user turn's `functionResponse` parts become `tool` messages
 * placed before the rest of the turn. Gemini's calls usually carry no id: each call gets the
 * stable id `call_<n>` (its index among the body's calls) and a response is paired with the
 * earliest unanswered call of the same name (or with the call of the same `id`, when both have
 * one). `inlineData` images become data-URL `image_url` parts, a PDF a `file` part, `fileData`
 * with an http(s) image URI an `image_url` part. Thought parts and signatures are dropped and named.
 */
import type { CanonicalToolCall, ChatMessage, ContentPart } from '../../core/types.js';
import { describeValue, isObject, stringifyArguments, toContent, toDataUrl, type NativeContext } from './native-context.js';

/** The REST API takes both spellings of a field: `functionCall` and `function_call`. */
export function readField(value: Record<string, unknown>, camel: string): unknown {
  return value[camel] ?? value[camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)];
}

export function toCamel(key: string): string {
  return key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

interface PendingCall {
  id: string;
  name: string;
  answered: boolean;
}

export function convertGeminiContents(value: unknown, context: NativeContext): ChatMessage[] {
  if (!Array.isArray(value) || value.length === 0) {
    context.fail(context.at('contents'), `expected a non-empty array of contents ({role, parts}), got ${describeValue(value)}`);
  }
  const calls: PendingCall[] = [];
  const out: ChatMessage[] = [];
  value.forEach((content, index) => {
    const path = context.at('contents', index);
    if (!isObject(content) || !Array.isArray(content.parts)) context.fail(path, `expected a content {role, parts: […]}, got ${describeValue(content)}`);
    const role = content.role ?? 'user';
    if (role === 'model') convertModelTurn(content.parts, `${path}.parts`, context, calls, out);
    else if (role === 'user' || role === 'function') convertUserTurn(content.parts, `${path}.parts`, context, calls, out);
    else context.fail(`${path}.role`, `expected "user" or "model", got ${describeValue(role)}${typeof role === 'string' ? ` "${role}"` : ''}`);
  });
  return out;
}

function readPart(part: unknown, path: string, context: NativeContext): Record<string, unknown> {
  if (!isObject(part)) context.fail(path, `expected a part object ({text} | {inlineData} | {functionCall} | …), got ${describeValue(part)}`);
  if (readField(part, 'thoughtSignature') !== undefined) context.drop('thoughtSignature');
  return part;
}

function convertModelTurn(parts: unknown[], path: string, context: NativeContext, calls: PendingCall[], out: ChatMessage[]): void {
  const content: ContentPart[] = [];
  const toolCalls: CanonicalToolCall[] = [];
  parts.forEach((raw, index) => {
    const part = readPart(raw, `${path}[${index}]`, context);
    const call = readField(part, 'functionCall');
    if (call !== undefined) {
      if (!isObject(call) || typeof call.name !== 'string') context.fail(`${path}[${index}].functionCall`, 'expected a function call {name, args}');
      const id = typeof call.id === 'string' && call.id !== '' ? call.id : `call_${calls.length}`;
      calls.push({ id, name: call.name, answered: false });
      toolCalls.push({ id, type: 'function', function: { name: call.name, arguments: stringifyArguments(call.args) } });
      return;
    }
    const converted = convertPart(part, `${path}[${index}]`, context);
    if (converted) content.push(converted);
  });
  if (content.length === 0 && toolCalls.length === 0) return;
  const message: ChatMessage = { role: 'assistant', content: content.length > 0 ? toContent(content) : null };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  out.push(message);
}

function convertUserTurn(parts: unknown[], path: string, context: NativeContext, calls: PendingCall[], out: ChatMessage[]): void {
  const toolMessages: ChatMessage[] = [];
  const content: ContentPart[] = [];
  parts.forEach((raw, index) => {
    const part = readPart(raw, `${path}[${index}]`, context);
    const response = readField(part, 'functionResponse');
    if (response !== undefined) {
      toolMessages.push(convertFunctionResponse(response, `${path}[${index}].functionResponse`, context, calls));
      return;
    }
    const converted = convertPart(part, `${path}[${index}]`, context);
    if (converted) content.push(converted);
  });
  out.push(...toolMessages);
  if (content.length > 0) out.push({ role: 'user', content: toContent(content) });
}

function convertFunctionResponse(response: unknown, path: string, context: NativeContext, calls: PendingCall[]): ChatMessage {
  if (!isObject(response) || typeof response.name !== 'string') context.fail(path, 'expected a function response {name, response}');
  const name = response.name;
  const byId = typeof response.id === 'string' ? calls.find((call) => call.id === response.id && !call.answered) : undefined;
  const call = byId ?? calls.find((candidate) => candidate.name === name && !candidate.answered);
  if (!call) {
    context.fail(path, `this functionResponse for "${name}" answers no earlier unanswered functionCall of that name`);
  }
  call.answered = true;
  const result = response.response;
  // chainproof's Gemini adapter (and many apps) wrap a text result as {content: "…"}; anything else is sent as its JSON.
  const onlyContent = isObject(result) && Object.keys(result).length === 1 && typeof result.content === 'string';
  return { role: 'tool', tool_call_id: call.id, content: onlyContent ? (result.content as string) : JSON.stringify(result ?? {}) };
}

function convertPart(part: Record<string, unknown>, path: string, context: NativeContext): ContentPart | undefined {
  if (typeof part.text === 'string') {
    if (part.thought === true) {
      context.drop('content.thought');
      return undefined;
    }
    return { type: 'text', text: part.text };
  }
  const inline = readField(part, 'inlineData');
  if (inline !== undefined) return convertInlineData(inline, `${path}.inlineData`, context);
  const file = readField(part, 'fileData');
  if (file !== undefined) return convertFileData(file, `${path}.fileData`, context);
  // executableCode, codeExecutionResult, videoMetadata…: no canonical form.
  const kind = Object.keys(part).find((key) => key !== 'thoughtSignature' && key !== 'thought_signature' && key !== 'thought');
  if (kind === undefined) return undefined;
  context.drop(`content.${toCamel(kind)}`);
  return undefined;
}

function convertInlineData(value: unknown, path: string, context: NativeContext): ContentPart | undefined {
  const mimeType = isObject(value) ? readField(value, 'mimeType') : undefined;
  if (!isObject(value) || typeof mimeType !== 'string' || typeof value.data !== 'string') context.fail(path, 'expected inline data {mimeType, data}');
  if (mimeType.startsWith('image/')) return { type: 'image_url', image_url: { url: toDataUrl(mimeType, value.data) } };
  if (mimeType === 'application/pdf') return { type: 'file', file: { filename: 'document.pdf', file_data: toDataUrl(mimeType, value.data) } };
  context.drop(`content.inlineData(${mimeType})`);
  return undefined;
}

function convertFileData(value: unknown, path: string, context: NativeContext): ContentPart | undefined {
  const uri = isObject(value) ? readField(value, 'fileUri') : undefined;
  const mimeType = isObject(value) ? readField(value, 'mimeType') : undefined;
  if (typeof uri !== 'string') context.fail(path, 'expected file data {mimeType, fileUri}');
  // gs:// and Files-API URIs are readable only by Google; a public image URL is what image_url can carry.
  const isImage = typeof mimeType !== 'string' || mimeType.startsWith('image/');
  if (isImage && /^https?:\/\//.test(uri) && !uri.includes('generativelanguage.googleapis.com/')) return { type: 'image_url', image_url: { url: uri } };
  context.drop('content.fileData');
  return undefined;
}
