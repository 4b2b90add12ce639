/**
 * Gemini `usageMetadata` → ours. `promptTokenCount` includes cached content; thinking tokens
 * (`thoughtsTokenCount`) are billed as output but counted apart from `candidatesTokenCount`, so
 * they are added to output here; tool-use prompt tokens are input.
 */
import { z } from 'zod';
import type { Usage } from '../../core/types.js';

export const GeminiUsageSchema = z.object({
  promptTokenCount: z.number().nullish(),
  candidatesTokenCount: z.number().nullish(),
  thoughtsTokenCount: z.number().nullish(),
  cachedContentTokenCount: z.number().nullish(),
  toolUsePromptTokenCount: z.number().nullish(),
});

export function mapGeminiUsage(usage: z.infer<typeof GeminiUsageSchema>): Usage {
  const thoughts = usage.thoughtsTokenCount ?? 0;
  const out: Usage = {
    input_tokens: (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0),
    output_tokens: (usage.candidatesTokenCount ?? 0) + thoughts,
  };
  if (usage.cachedContentTokenCount != null) out.cached_input_tokens = usage.cachedContentTokenCount;
  if (usage.thoughtsTokenCount != null) out.reasoning_tokens = thoughts;
  return out;
}
