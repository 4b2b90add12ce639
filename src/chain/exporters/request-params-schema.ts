/**
 * The request parameters a gateway target may carry (LiteLLM `litellm_params`, Portkey
 * `override_params`): one strict shape shared by the gateway schemas, so a misspelled parameter is
 * caught the same way in every export.
 */
import { z } from 'zod';

export const jsonValue: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]));

export const requestParamsShape = {
  max_tokens: z.number().int().positive().optional(),
  max_completion_tokens: z.number().int().positive().optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().positive().optional(),
  stop: z.union([z.string(), z.array(z.string())]).optional(),
  seed: z.number().int().optional(),
  presence_penalty: z.number().optional(),
  frequency_penalty: z.number().optional(),
  reasoning_effort: z.string().optional(),
  response_format: z.record(z.string(), jsonValue).optional(),
  parallel_tool_calls: z.boolean().optional(),
};
