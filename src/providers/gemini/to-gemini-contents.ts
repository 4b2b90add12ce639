/**
 * Canonical messages → Gemini `systemInstruction` + `contents`: the assistant role is `model`,
 * tool results are `functionResponse` parts in a user turn (named after the call they answer,
 * since Gemini matches by name), images are `inlineData` / `fileData`, and consecutive turns of
 * one role are merged.
 */
import type { ChatMessage } from '../../core/types.js';
import type { Warn } from '../engine/param-table.js';
import { parseArguments, readImageUrl, readInlineFile, toParts, toText } from '../engine/message-content.js';

type Part = Record<string, unknown>;
interface Content {
  role: 'user' | 'model';
  parts: Part[];
}

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif', heic: 'image/heic' };

export function toGeminiContents(messages: ChatMessage[], warn: Warn): { systemInstruction?: { parts: Part[] }; contents: Content[] } {
  const system: string[] = [];
  const contents: Content[] = [];
  const callNames = new Map<string, string>();
  let merged = 0;
  for (const message of messages) {
    if (message.role === 'system' || message.role === 'developer') {
      const text = toText(message.content);
      if (text) system.push(text);
      continue;
    }
    for (const call of message.tool_calls ?? []) callNames.set(call.id, call.function.name);
    const role = message.role === 'assistant' ? 'model' : 'user';
    const parts = toGeminiParts(message, callNames, warn);
    if (parts.length === 0) continue;
    const last = contents[contents.length - 1];
    if (last && last.role === role) {
      last.parts.push(...parts);
      if (message.role !== 'tool') merged++;
    } else contents.push({ role, parts });
  }
  if (merged > 0) warn({ type: 'compat', param: 'messages', detail: `${merged} consecutive same-role turn(s) merged` });
  const out: { systemInstruction?: { parts: Part[] }; contents: Content[] } = { contents };
  if (system.length > 0) out.systemInstruction = { parts: [{ text: system.join('\n\n') }] };
  return out;
}

function toGeminiParts(message: ChatMessage, callNames: Map<string, string>, warn: Warn): Part[] {
  if (message.role === 'tool') {
    const name = callNames.get(message.tool_call_id ?? '') ?? message.name ?? 'tool';
    return [{ functionResponse: { name, response: { content: toText(message.content) } } }];
  }
  const parts: Part[] = [];
  for (const part of toParts(message.content)) {
    if (part.type === 'text') parts.push({ text: (part as { text: string }).text });
    else if (part.type === 'image_url') parts.push(toImagePart((part as { image_url: { url: string } }).image_url.url, warn));
    else {
      const inline = part.type === 'file' ? toFilePart(part) : part.type === 'input_audio' ? toAudioPart(part) : undefined;
      if (inline) parts.push(inline);
      else warn({ type: 'unsupported', param: 'messages', detail: `content part of type "${part.type}" dropped` });
    }
  }
  for (const call of message.tool_calls ?? []) parts.push({ functionCall: { name: call.function.name, args: parseArguments(call.function.arguments) } });
  return parts;
}

function toImagePart(url: string, warn: Warn): Part {
  const image = readImageUrl(url);
  if (image.kind === 'base64') return { inlineData: { mimeType: image.mediaType, data: image.data } };
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  let mimeType = extension ? MIME_BY_EXTENSION[extension] : undefined;
  if (!mimeType) {
    mimeType = 'image/jpeg';
    warn({ type: 'defaulted', param: 'messages', detail: `image URL without a known extension sent as fileData with mimeType image/jpeg` });
  }
  return { fileData: { mimeType, fileUri: image.url } };
}

/** OpenAI's `input_audio` part (`{data, format: wav|mp3}`, base64) as Gemini inline audio. */
function toAudioPart(part: { type: string } & Record<string, unknown>): Part | undefined {
  const audio = part.input_audio as { data?: unknown; format?: unknown } | undefined;
  if (typeof audio?.data !== 'string' || (audio.format !== 'wav' && audio.format !== 'mp3')) return undefined;
  return { inlineData: { mimeType: audio.format === 'wav' ? 'audio/wav' : 'audio/mp3', data: audio.data } };
}

/** Gemini reads inline files (PDFs, text, audio) as inlineData of their own MIME type. */
function toFilePart(part: { type: string } & Record<string, unknown>): Part | undefined {
  const file = readInlineFile(part);
  return file ? { inlineData: { mimeType: file.mediaType, data: file.data } } : undefined;
}
