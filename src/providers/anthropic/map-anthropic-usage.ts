/**
 * Anthropic's `input_tokens` excludes cache reads and writes; ours includes them, with the reads
 * as `cached_input_tokens` and the writes as `cache_write_input_tokens` (each billed at its own rate).
 */
import { z } from 'zod';
import type { Usage } from '../../core/types.js';

export const AnthropicUsageSchema = z.object({
  input_tokens: z.number().nullish(),
  output_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
  /** The writes split by cache lifetime; a 1-hour write costs more than a 5-minute one. */
  cache_creation: z.object({ ephemeral_5m_input_tokens: z.number().nullish(), ephemeral_1h_input_tokens: z.number().nullish() }).nullish(),
  output_tokens_details: z.object({ thinking_tokens: z.number().nullish() }).nullish(),
});
export type AnthropicUsage = z.infer<typeof AnthropicUsageSchema>;

export function mapAnthropicUsage(usage: AnthropicUsage): Usage {
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const out: Usage = {
    input_tokens: (usage.input_tokens ?? 0) + cacheRead + (usage.cache_creation_input_tokens ?? 0),
    output_tokens: usage.output_tokens ?? 0,
  };
  if (usage.cache_read_input_tokens != null) out.cached_input_tokens = cacheRead;
  if (usage.cache_creation_input_tokens != null) out.cache_write_input_tokens = usage.cache_creation_input_tokens;
  const oneHour = usage.cache_creation?.ephemeral_1h_input_tokens;
  if (oneHour != null && oneHour > 0) out.cache_write_1h_input_tokens = oneHour;
  const thinking = usage.output_tokens_details?.thinking_tokens;
  if (thinking != null) out.reasoning_tokens = thinking;
  return out;
}

/** Stream usage arrives in parts (message_start, then message_delta): later non-null fields win. */
export function mergeAnthropicUsage(previous: AnthropicUsage | undefined, next: AnthropicUsage): AnthropicUsage {
  const merged: AnthropicUsage = { ...previous };
  for (const [key, value] of Object.entries(next) as Array<[keyof AnthropicUsage, never]>) {
    if (value != null) merged[key] = value;
  }
  return merged;
}
