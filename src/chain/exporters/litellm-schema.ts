/** LiteLLM proxy `config.yaml` as chainproof writes it: model_list + router_settings. Strict. */
import { z } from 'zod';
import { jsonValue, requestParamsShape } from './request-params-schema.js';


/** `os.environ/NAME`: LiteLLM reads the key from the environment; the file never holds one. */
export const LitellmEnvReference = z.string().regex(/^os\.environ\/[A-Z_][A-Z0-9_]*$/, 'os.environ/NAME, never a key');

export const LitellmParamsSchema = z.strictObject({
  model: z.string().regex(/^[a-z_]+\/.+/, 'provider/model, e.g. openai/gpt-4o-mini'),
  api_key: LitellmEnvReference,
  api_base: z.url().optional(),
  timeout: z.number().positive().describe('seconds'),
  ...requestParamsShape,
  extra_body: z.record(z.string(), jsonValue).optional(),
});

const fallbackList = z.array(z.record(z.string(), z.array(z.string()).min(1)).refine((entry) => Object.keys(entry).length === 1, 'one model group per entry'));

export const LitellmConfigSchema = z
  .strictObject({
    model_list: z
      .array(
        z.strictObject({
          model_name: z.string().min(1),
          litellm_params: LitellmParamsSchema,
          model_info: z.strictObject({ id: z.string().min(1) }).optional(),
        }),
      )
      .min(1),
    router_settings: z.strictObject({
      num_retries: z.number().int().min(0),
      timeout: z.number().positive().optional(),
      fallbacks: fallbackList,
      context_window_fallbacks: fallbackList.optional(),
      content_policy_fallbacks: fallbackList.optional(),
    }),
  })
  .superRefine((config, ctx) => {
    const names = new Set(config.model_list.map((entry) => entry.model_name));
    const lists = [config.router_settings.fallbacks, config.router_settings.context_window_fallbacks ?? [], config.router_settings.content_policy_fallbacks ?? []];
    for (const list of lists) {
      for (const entry of list) {
        for (const [group, targets] of Object.entries(entry)) {
          for (const name of [group, ...targets]) {
            if (!names.has(name)) ctx.addIssue({ code: 'custom', path: ['router_settings'], message: `fallback names "${name}", which is not a model_name in model_list` });
          }
        }
      }
    }
  });

export type LitellmConfig = z.infer<typeof LitellmConfigSchema>;
