/**
 * Pieces shared by the log formats: a logged request body → canonical request, a logged response →
 * its answer text, timestamps and tags in their many spellings. Wrong shapes are user errors that
 * name the file, line and field.
 */
import { UserInputError } from '../core/errors.js';
import type { CanonicalRequest, ChatMessage } from '../core/types.js';
import { convertNativeBody } from './native/convert-native-body.js';
import { detectDialect, readModelFromUrl, type DialectHint } from './native/detect-dialect.js';
import { readGeminiResponseText, readResponsesApiText } from './native/native-response-text.js';
import type { Conversion } from './native/native-context.js';
import type { SourceLine } from './types.js';
import { isRecord } from '../core/is-record.js';
import { describeValue as describe } from './describe-value.js';

export { isRecord, describe };

export function failLine(where: SourceLine, path: string, message: string, hint?: string): never {
  throw new UserInputError(message, { location: { file: where.file, line: where.line, path }, hint });
}

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/** Fields that describe the logged call, not the prompt: the runner decides model and streaming. */
const CALL_ONLY_FIELDS = ['model', 'stream', 'stream_options', 'user', 'metadata', 'store'];

/** A JSON object or array kept as a string (LiteLLM stores its JSON columns that way) → parsed; else as is. */
export function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trimStart();
  if (trimmed[0] !== '[' && trimmed[0] !== '{') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function readMessages(value: unknown, where: SourceLine, path: string): ChatMessage[] {
  const parsed = parseMaybeJson(value);
  if (!Array.isArray(parsed) || parsed.length === 0) {
    failLine(where, path, `expected a non-empty array of chat messages ({role, content}), got ${describe(parsed)}`);
  }
  parsed.forEach((message, index) => {
    if (!isRecord(message) || typeof message.role !== 'string' || !ROLES.has(message.role)) {
      failLine(where, `${path}[${index}]`, `expected a message with role system|developer|user|assistant|tool, got ${describe(message)}`);
    }
  });
  return parsed as ChatMessage[];
}

export interface ReadBody {
  request: CanonicalRequest;
  model?: string;
  /** Set when the body was written for another API (Anthropic, Gemini, Responses) and converted. */
  conversion?: Conversion;
}

function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * A logged request body → canonical request without model. OpenAI chat bodies are read as they
 * are; Anthropic Messages, Gemini generateContent and Responses API bodies are converted
 * (src/sampling/native/), and the result says what was dropped. `hint` (a provider, target URL or
 * call type the log row carries) decides only for bodies that read the same in two dialects.
 */
export function readRequestBody(value: unknown, where: SourceLine, path: string, hint?: DialectHint): ReadBody {
  const body = parseMaybeJson(value);
  if (!isRecord(body)) failLine(where, path, `expected a request body with "messages" (or Anthropic/Gemini/Responses fields), got ${describe(body)}`);
  const model = typeof body.model === 'string' ? body.model : readModelFromUrl(hint?.url);
  const dialect = detectDialect(body, hint);
  if (dialect !== 'openai-chat') return { ...convertNativeBody(dialect, body, where, path), model };
  const messages = readMessages(body.messages, where, joinPath(path, 'messages'));
  const request: CanonicalRequest = { messages };
  for (const [key, field] of Object.entries(body)) {
    if (key !== 'messages' && !CALL_ONLY_FIELDS.includes(key)) request[key] = field;
  }
  return { request, model };
}

function joinText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const texts = content.filter((part) => isRecord(part) && typeof part.text === 'string').map((part) => (part as { text: string }).text);
  return texts.length > 0 ? texts.join('') : undefined;
}

/** The answer text of a logged response in any of the usual shapes, or undefined. */
export function readResponseText(value: unknown): string | undefined {
  const response = parseMaybeJson(value);
  if (typeof response === 'string') return response;
  if (Array.isArray(response)) return readGeminiResponseText(response);
  if (!isRecord(response)) return undefined;
  if (Array.isArray(response.candidates)) return readGeminiResponseText(response);
  const responsesText = readResponsesApiText(response);
  if (responsesText !== undefined) return responsesText;
  if (response.object === 'response') return typeof response.output_text === 'string' ? response.output_text : undefined;
  const choices = response.choices;
  if (Array.isArray(choices) && isRecord(choices[0])) {
    const choice = choices[0];
    if (isRecord(choice.message)) return joinText(choice.message.content) ?? undefined;
    if (typeof choice.text === 'string') return choice.text;
  }
  if (response.type === 'message' || Array.isArray(response.content)) return joinText(response.content);
  for (const key of ['content', 'output', 'text', 'completion', 'answer']) {
    const text = joinText(response[key]);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** `2025-08-16 20:44:25.610`: a date and time without a zone, as ClickHouse and Postgres print them. */
const ZONELESS = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/**
 * A date text → milliseconds. A time without a zone is UTC — log stores (ClickHouse, Postgres
 * `timestamp`) write UTC that way — where JavaScript would read it in the machine's zone, which
 * would shift `--since` by the reader's offset.
 */
export function parseDateText(text: string): number | undefined {
  const zoneless = ZONELESS.exec(text.trim());
  const parsed = Date.parse(zoneless ? `${zoneless[1]}T${zoneless[2]}Z` : text);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** ISO strings (UTC when they name no zone), epoch seconds or epoch milliseconds → milliseconds. */
export function readTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string' && value.length > 0) return parseDateText(value);
  return undefined;
}

/** `["a", "b"]`, a JSON string of one, or `{key: value}` (→ `key:value`). */
export function readTags(value: unknown): string[] {
  const parsed = parseMaybeJson(value);
  if (Array.isArray(parsed)) return parsed.filter((tag): tag is string => typeof tag === 'string');
  if (isRecord(parsed)) {
    return Object.entries(parsed)
      .filter(([, tag]) => typeof tag === 'string' || typeof tag === 'number' || typeof tag === 'boolean')
      .map(([key, tag]) => `${key}:${String(tag)}`);
  }
  return [];
}

export function readString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : typeof value === 'number' ? String(value) : undefined;
}

