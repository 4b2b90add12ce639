/**
 * Recorded answers carry the finish reason their source wrote: ours, or a provider's own value when
 * the log came straight from an API (Anthropic `max_tokens`, Gemini `MAX_TOKENS`/`SAFETY`, OpenAI's
 * legacy `function_call`). The finish validator must see a cut answer as cut whichever wrote it.
 * This mirrors the providers' own mappings, which validators may not import (DESIGN.md §3).
 */
import type { FinishReason } from '../../core/types.js';

const OURS = new Set<string>(['stop', 'length', 'tool_calls', 'content_filter', 'error', 'other', 'unknown']);

const PROVIDER_VALUES: Record<string, FinishReason> = {
  // OpenAI-compatible servers
  eos: 'stop',
  function_call: 'tool_calls',
  // Anthropic
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
  // Gemini (upper case in its API; compared case-insensitively below)
  finish_reason_unspecified: 'unknown',
  safety: 'content_filter',
  recitation: 'content_filter',
  blocklist: 'content_filter',
  prohibited_content: 'content_filter',
  spii: 'content_filter',
  image_safety: 'content_filter',
  malformed_function_call: 'error',
  unexpected_tool_call: 'error',
  // Bedrock Converse
  guardrail_intervened: 'content_filter',
  content_filtered: 'content_filter',
};

/** Our finish reason for a recorded value; an unrecognised value is `other`, a missing one undefined. */
export function readFinishReason(raw: string | null | undefined): FinishReason | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (OURS.has(raw)) return raw as FinishReason;
  const lower = raw.toLowerCase();
  if (OURS.has(lower)) return lower as FinishReason;
  return Object.hasOwn(PROVIDER_VALUES, lower) ? PROVIDER_VALUES[lower] : 'other';
}
