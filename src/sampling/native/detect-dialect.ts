/**
 * Which API a logged request body was written for. The body decides when it can: `contents` is
 * Gemini, `input` (or a stored `prompt`) without `messages` is the Responses API, and a `messages`
 * body is Anthropic only when it holds something OpenAI's chat API has no such thing as (a
 * tool_use/tool_result/thinking/document block, an image with a `source`, `input_schema` tools,
 * `stop_sequences`, an object tool_choice of type any/tool/auto/none, a top-level `system`).
 * A `messages` body with neither kind of marker reads the same either way; then a hint (Helicone's
 * `provider`, a target URL or path, LiteLLM's `call_type`) may name Anthropic. OpenAI-only fields
 * (a system/tool role, image_url parts, function tools…) outrank the hint.
 */
import { isObject, type Dialect } from './native-context.js';

export interface DialectHint {
  /** Helicone's `provider` column: ANTHROPIC, GOOGLE, OPENAI… */
  provider?: unknown;
  /** The target URL or path: `/v1/messages`, `…:generateContent`, `/v1/responses`. */
  url?: unknown;
  /** LiteLLM's `call_type`: acompletion, anthropic_messages, aresponses, agenerate_content… */
  callType?: unknown;
}

const ANTHROPIC_BLOCKS = new Set(['tool_use', 'tool_result', 'document', 'thinking', 'redacted_thinking']);

export function detectDialect(body: Record<string, unknown>, hint: DialectHint = {}): Dialect {
  const hasMessages = 'messages' in body;
  if (!hasMessages && Array.isArray(body.contents)) return 'gemini';
  if (!hasMessages && (body.input !== undefined || isObject(body.prompt))) return 'openai-responses';
  if (!Array.isArray(body.messages)) return 'openai-chat';
  if (hasAnthropicMarker(body)) return 'anthropic-messages';
  // Anthropic's OpenAI-compatible endpoint is logged with provider ANTHROPIC too: OpenAI-only fields win over the hint.
  if (hasOpenAiMarker(body)) return 'openai-chat';
  return readHintDialect(hint) === 'anthropic-messages' ? 'anthropic-messages' : 'openai-chat';
}

const OPENAI_ONLY_FIELDS = ['response_format', 'stop', 'max_completion_tokens', 'n', 'seed', 'presence_penalty', 'frequency_penalty', 'logprobs', 'parallel_tool_calls', 'reasoning_effort'];
const OPENAI_ROLES = new Set(['system', 'developer', 'tool', 'function']);
const OPENAI_PARTS = new Set(['image_url', 'input_audio', 'file']);

function hasOpenAiMarker(body: Record<string, unknown>): boolean {
  if (OPENAI_ONLY_FIELDS.some((key) => body[key] !== undefined)) return true;
  if (typeof body.tool_choice === 'string' || (isObject(body.tool_choice) && body.tool_choice.type === 'function')) return true;
  if (Array.isArray(body.tools) && body.tools.some((tool) => isObject(tool) && isObject(tool.function))) return true;
  return (body.messages as unknown[]).some((message) => isObject(message) && (OPENAI_ROLES.has(message.role as string) || message.tool_calls !== undefined
    || (Array.isArray(message.content) && message.content.some((part) => isObject(part) && OPENAI_PARTS.has(part.type as string)))));
}

function hasAnthropicMarker(body: Record<string, unknown>): boolean {
  if (body.system !== undefined || body.stop_sequences !== undefined) return true;
  const choice = body.tool_choice;
  if (isObject(choice) && ['any', 'tool', 'auto', 'none'].includes(choice.type as string)) return true;
  if (Array.isArray(body.tools) && body.tools.some((tool) => isObject(tool) && tool.input_schema !== undefined)) return true;
  return (body.messages as unknown[]).some((message) => isObject(message) && Array.isArray(message.content) && message.content.some(isAnthropicBlock));
}

function isAnthropicBlock(block: unknown): boolean {
  if (!isObject(block)) return false;
  return ANTHROPIC_BLOCKS.has(block.type as string) || (block.type === 'image' && isObject(block.source));
}

/** The dialect a hint names, when it names one. */
export function readHintDialect(hint: DialectHint): Dialect | undefined {
  const url = typeof hint.url === 'string' ? hint.url : '';
  if (/\/messages(?:[?#]|$)/.test(url)) return 'anthropic-messages';
  if (/:(?:stream)?generateContent\b/i.test(url)) return 'gemini';
  if (/\/responses(?:[?#/]|$)/.test(url)) return 'openai-responses';
  if (/\/chat\/completions\b/.test(url)) return 'openai-chat';
  const callType = typeof hint.callType === 'string' ? hint.callType.toLowerCase() : '';
  if (callType.includes('anthropic_messages')) return 'anthropic-messages';
  if (callType.includes('generate_content')) return 'gemini';
  if (callType.includes('responses')) return 'openai-responses';
  const provider = typeof hint.provider === 'string' ? hint.provider.toUpperCase() : '';
  if (provider === 'ANTHROPIC') return 'anthropic-messages';
  if (provider === 'GOOGLE' || provider === 'GEMINI' || provider === 'VERTEX' || provider === 'VERTEXAI') return 'gemini';
  return undefined;
}

/** Gemini names its model in the path: `/v1beta/models/gemini-2.5-flash:generateContent`. */
export function readModelFromUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  return /\/models\/([^/:?#]+):(?:stream)?generateContent/i.exec(url)?.[1];
}
