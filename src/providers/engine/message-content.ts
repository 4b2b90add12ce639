/** Helpers for canonical message content shared by the non-OpenAI protocols. */
import type { ContentPart, MessageContent } from '../../core/types.js';

/** Content as parts; a string is one text part, null none. */
export function toParts(content: MessageContent | undefined): ContentPart[] {
  if (content == null) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  return content;
}

/** The text of a message (system prompts, tool results): text parts joined, other parts skipped. */
export function toText(content: MessageContent | undefined): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content
    .filter((part): part is { type: 'text'; text: string } => part.type === 'text' && typeof (part as { text?: unknown }).text === 'string')
    .map((part) => part.text)
    .join('\n');
}

export interface ImageSource {
  kind: 'base64' | 'url';
  mediaType?: string;
  data?: string;
  url?: string;
}

/** `data:image/png;base64,...` → base64 + media type; anything else is a URL. */
export function readImageUrl(url: string): ImageSource {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (match) return { kind: 'base64', mediaType: match[1]!, data: match[2]! };
  return { kind: 'url', url };
}

/**
 * An OpenAI `file` content part's inline data (`{file: {file_data: "data:application/pdf;base64,…"}}`),
 * or undefined when it names an uploaded file id only (which no other provider can read).
 */
export function readInlineFile(part: { type: string } & Record<string, unknown>): { mediaType: string; data: string } | undefined {
  const file = part.file as { file_data?: unknown } | undefined;
  if (typeof file?.file_data !== 'string') return undefined;
  const source = readImageUrl(file.file_data);
  if (source.kind !== 'base64' || source.mediaType === undefined || source.data === undefined) return undefined;
  return { mediaType: source.mediaType, data: source.data };
}

/** Tool-call arguments as an object for protocols that want one (Anthropic `input`, Gemini `args`). */
export function parseArguments(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    return { _raw: raw };
  }
}
