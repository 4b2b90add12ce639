/**
 * OpenAI usage → ours. `prompt_tokens` already includes cached tokens and `completion_tokens`
 * includes reasoning tokens, which is the convention of `Usage`. Compatible servers name the
 * cached part differently (DeepSeek `prompt_cache_hit_tokens`). OpenRouter adds what the call cost.
 */
import { z } from 'zod';
import type { Usage } from '../../core/types.js';

export const OpenAIUsageSchema = z.object({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
  completion_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).nullish(),
  prompt_cache_hit_tokens: z.number().nullish(),
  /** OpenRouter: USD charged for the call; with a user's own key (BYOK) only OpenRouter's fee. */
  cost: z.number().nullish(),
  is_byok: z.boolean().nullish(),
  cost_details: z.object({ upstream_inference_cost: z.number().nullish() }).nullish(),
});

export function mapOpenAIUsage(usage: z.infer<typeof OpenAIUsageSchema>): Usage {
  const out: Usage = { input_tokens: usage.prompt_tokens ?? 0, output_tokens: usage.completion_tokens ?? 0 };
  const cached = usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens;
  if (cached != null) out.cached_input_tokens = cached;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (reasoning != null) out.reasoning_tokens = reasoning;
  return out;
}

/** The USD the service billed, when it says (OpenRouter); with BYOK the upstream's own charge is added. */
export function readReportedCost(usage: z.infer<typeof OpenAIUsageSchema>): number | undefined {
  if (usage.cost == null) return undefined;
  const upstream = usage.is_byok === true ? (usage.cost_details?.upstream_inference_cost ?? 0) : 0;
  return usage.cost + upstream;
}
