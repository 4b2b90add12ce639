/**
 * OpenAI usage → ours. `prompt_tokens` already includes cached tokens and `completion_tokens`
 * includes reasoning tokens, which is the convention of `Usage`. Compatible servers name the
 * cached part differently (DeepSeek `prompt_cache_hit_tokens`).
 */
import { z } from 'zod';
import type { Usage } from '../../core/types.js';

export const OpenAIUsageSchema = z.object({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
  completion_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).nullish(),
  prompt_cache_hit_tokens: z.number().nullish(),
});

export function mapOpenAIUsage(usage: z.infer<typeof OpenAIUsageSchema>): Usage {
  const out: Usage = { input_tokens: usage.prompt_tokens ?? 0, output_tokens: usage.completion_tokens ?? 0 };
  const cached = usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens;
  if (cached != null) out.cached_input_tokens = cached;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (reasoning != null) out.reasoning_tokens = reasoning;
  return out;
}
