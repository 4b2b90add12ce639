/**
 * The Portkey gateway config (`x-portkey-config`) as chainproof writes it. Strict: the real gateway
 * accepts misspelled keys (`on_status_code`, `overide_params`) and ignores them.
 */
import { z } from 'zod';
import { requestParamsShape } from './request-params-schema.js';

/** Portkey provider slugs chainproof maps to (the gateway's own names). */
export const PORTKEY_PROVIDERS = ['openai', 'anthropic', 'google', 'deepseek', 'mistral-ai', 'dashscope', 'groq', 'together-ai', 'openrouter'] as const;

const statusCode = z.number().int().min(400).max(599);

/** `${NAME}`: the app puts the key in before sending; a config never holds one. */
export const EnvReference = z.string().regex(/^\$\{[A-Z_][A-Z0-9_]*\}$/, 'an environment reference such as ${OPENAI_API_KEY}, never a key');

export const PortkeyOverrideParamsSchema = z.strictObject({
  model: z.string().min(1),
  ...requestParamsShape,
});

export const PortkeyTargetSchema = z.strictObject({
  provider: z.enum(PORTKEY_PROVIDERS),
  api_key: EnvReference,
  custom_host: z
    .url()
    .regex(/\/v1(beta)?$/, 'custom_host must end in /v1 (the gateway appends the endpoint path)')
    .optional(),
  override_params: PortkeyOverrideParamsSchema,
  request_timeout: z.number().int().positive(),
  retry: z
    .strictObject({
      attempts: z.number().int().min(0).max(5),
      on_status_codes: z.array(statusCode).min(1).optional(),
      use_retry_after_header: z.boolean().optional(),
    })
    .optional(),
});

export const PortkeyConfigSchema = z.strictObject({
  strategy: z.strictObject({
    mode: z.literal('fallback'),
    on_status_codes: z
      .array(statusCode)
      .min(1)
      .refine((codes) => codes.includes(408), {
        message: 'on_status_codes must include 408: request_timeout turns a slow target into a 408 that is otherwise returned instead of failing over',
      }),
  }),
  targets: z.array(PortkeyTargetSchema).min(1),
});

export type PortkeyConfig = z.infer<typeof PortkeyConfigSchema>;
export type PortkeyTarget = z.infer<typeof PortkeyTargetSchema>;
