import type { FinishReason } from '../../core/types.js';

const CONTENT_FILTER = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'LANGUAGE']);

/** Gemini says STOP after a function call too; `hasToolCalls` tells the two apart. */
export function mapGeminiFinishReason(raw: string | null | undefined, hasToolCalls: boolean): FinishReason {
  if (raw == null || raw === 'FINISH_REASON_UNSPECIFIED') return 'unknown';
  if (raw === 'STOP') return hasToolCalls ? 'tool_calls' : 'stop';
  if (raw === 'MAX_TOKENS') return 'length';
  if (CONTENT_FILTER.has(raw)) return 'content_filter';
  if (raw === 'MALFORMED_FUNCTION_CALL' || raw === 'UNEXPECTED_TOOL_CALL') return 'error';
  return 'other';
}
