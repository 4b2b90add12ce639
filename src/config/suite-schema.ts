/**
 * The suite file (DESIGN.md §9). zod is the source of truth: the JSON Schema shipped in
 * schema/suite.schema.json is generated from these schemas. Every object is strict, because a
 * misspelled key that is silently ignored is how a gate passes when it should not.
 */
import { z } from 'zod';

export const PROVIDER_KINDS = [
  'openai',
  'anthropic',
  'gemini',
  'deepseek',
  'mistral',
  'qwen',
  'groq',
  'together',
  'openrouter',
  'openai-compatible',
  'simulated',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const WIRE_PROTOCOLS = ['openai', 'anthropic', 'gemini'] as const;
export type WireProtocol = (typeof WIRE_PROTOCOLS)[number];

const probability = z.number().min(0).max(1);
const positiveMs = z.number().nonnegative();

export const PriceSchema = z.strictObject({
  input_per_mtok: z.number().nonnegative().describe('USD per million input tokens'),
  output_per_mtok: z.number().nonnegative().describe('USD per million output tokens'),
  cached_input_per_mtok: z.number().nonnegative().optional().describe('USD per million cached input tokens (defaults to input price)'),
  cache_write_input_per_mtok: z
    .number()
    .nonnegative()
    .optional()
    .describe('USD per million input tokens written to a prompt cache (defaults to 1.25× input price, Anthropic\'s 5-minute cache write)'),
  cache_write_1h_input_per_mtok: z
    .number()
    .nonnegative()
    .optional()
    .describe('USD per million input tokens written to a 1-hour prompt cache (defaults to 2× input price, Anthropic\'s 1-hour cache write)'),
  reasoning_per_mtok: z.number().nonnegative().optional().describe('USD per million reasoning tokens (defaults to output price)'),
});
export type Price = z.infer<typeof PriceSchema>;

/** Faults a simulated model injects, as a share of requests. */
export const SIMULATED_FAULTS = [
  'rate_limited',
  'quota_exhausted',
  'server_error',
  'bad_gateway',
  'unavailable',
  'overloaded',
  'timeout',
  'slow_first_byte',
  'stream_cut',
  'stream_error',
  'malformed_body',
  'blocked_prompt',
  'refusal',
  'context_length',
] as const;
export type SimulatedFault = (typeof SIMULATED_FAULTS)[number];

export const CASE_KINDS = ['json', 'code', 'text', 'tool_call'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const SimulateSchema = z.strictObject({
  quality: z
    .union([probability, z.partialRecord(z.enum(CASE_KINDS), probability)])
    .default(0.9)
    .describe('Share of answers that are right for the case, overall or per case kind'),
  latency_ms: z
    .strictObject({ p50: positiveMs, p95: positiveMs })
    .refine((v) => v.p95 >= v.p50, { message: 'p95 must be at least p50' })
    .default({ p50: 300, p95: 900 }),
  ttft_ms: z.strictObject({ p50: positiveMs, p95: positiveMs }).optional(),
  errors: z.partialRecord(z.enum(SIMULATED_FAULTS), probability).default({}),
  seed: z.number().int().optional(),
  context_window: z.number().int().positive().optional().describe('Prompts longer than this (tokens) get a context-length error'),
  slow_first_byte_ms: positiveMs.optional().describe('Extra delay before the first byte on a slow_first_byte fault (default 8000)'),
});
export type SimulateConfig = z.infer<typeof SimulateSchema>;

export const CandidateSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'use letters, digits, ".", "_", ":" or "-"'),
    provider: z.enum(PROVIDER_KINDS),
    model: z.string().min(1),
    base_url: z.url().optional(),
    api_key_env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name').optional(),
    protocol: z.enum(WIRE_PROTOCOLS).optional().describe('Wire protocol of a simulated or openai-compatible candidate'),
    params: z.record(z.string(), z.unknown()).optional().describe('Request overrides, merged last'),
    system_prompt: z.string().optional().describe('Replaces the system prompt for this candidate'),
    price: PriceSchema.optional(),
    infra: z.record(z.string(), z.string()).optional().describe('Shared infrastructure tags: provider, cloud, region…'),
    timeout_ms: z.number().int().positive().optional(),
    ttft_timeout_ms: z.number().int().positive().optional(),
    rpm: z.number().positive().optional(),
    tpm: z.number().positive().optional(),
    max_concurrency: z.number().int().positive().optional(),
    stream: z.boolean().optional(),
    reasoning: z
      .union([z.boolean(), z.literal('no-system')])
      .optional()
      .describe(
        'OpenAI-style reasoning model (o1/o3/o4-mini/gpt-5): true drops temperature, top_p, penalties and logprobs and sends max_completion_tokens; "no-system" also sends system messages as user (o1-mini, o1-preview); false never. Absent: decided from a short list of known model ids',
      ),
    headers: z.record(z.string(), z.string()).optional().describe('Extra request headers (values may be ${ENV_VAR})'),
    simulate: SimulateSchema.optional(),
  })
  .superRefine((candidate, ctx) => {
    if (candidate.provider !== 'simulated' && candidate.simulate) {
      ctx.addIssue({ code: 'custom', path: ['simulate'], message: '`simulate` is only for provider: simulated' });
    }
    if (candidate.reasoning !== undefined && !speaksOpenAIChat(candidate)) {
      ctx.addIssue({ code: 'custom', path: ['reasoning'], message: '`reasoning` is for candidates on the OpenAI chat wire protocol; set thinking through `params` for this provider' });
    }
    if (candidate.provider === 'openai-compatible' && !candidate.base_url) {
      ctx.addIssue({ code: 'custom', path: ['base_url'], message: 'provider openai-compatible needs a base_url' });
    }
  });
export type CandidateConfig = z.infer<typeof CandidateSchema>;

/** Anthropic and Gemini speak their own protocols; every other provider (and a protocol-less simulated one) speaks OpenAI chat. */
function speaksOpenAIChat(candidate: { provider: ProviderKind; protocol?: WireProtocol | undefined }): boolean {
  if (candidate.provider === 'anthropic' || candidate.provider === 'gemini') return false;
  return candidate.protocol === undefined || candidate.protocol === 'openai';
}

export const SampleSchema = z.strictObject({
  n: z.number().int().positive(),
  seed: z.number().int().default(0),
  stratify_by: z.string().optional(),
});

export const DatasetRefSchema = z.strictObject({
  path: z.string().min(1),
  sample: SampleSchema.optional(),
});

/** `json-schema` or `{code-syntax: {languages: [...]}}`. */
export const ValidatorRefSchema = z.union([
  z.string().min(1),
  z.record(z.string(), z.record(z.string(), z.unknown()).nullable()).refine((v) => Object.keys(v).length === 1, {
    message: 'a validator with options is one key: {name: {option: value}}',
  }),
]);

export const QualifySchema = z.strictObject({
  margin: z.number().min(0).max(1).default(0.03).describe('Non-inferiority margin vs the primary (0.03 = 3 points)'),
  min_pass_rate: probability.optional(),
  max_error_rate: probability.default(0.02),
  max_p95_latency_ms: z.number().positive().optional(),
  max_cost_per_1k_usd: z.number().positive().optional(),
  max_safety_failure_rate: probability.optional(),
  max_new_safety_failures: z.number().int().min(0).default(0).describe('Safety failures a fallback may add where the primary passed'),
  choose_primary: z.boolean().default(false).describe('Let the ranking choose the primary too'),
  required_validators: z.array(z.string()).optional(),
});

export const RunSchema = z.strictObject({
  concurrency: z.number().int().positive().default(16),
  timeout_ms: z.number().int().positive().default(30_000),
  ttft_timeout_ms: z.number().int().positive().optional(),
  retries: z.number().int().min(0).max(10).default(2),
  budget_usd: z.number().positive().optional(),
  repeat: z.number().int().positive().default(1),
  stream: z.boolean().default(true),
  seed: z.number().int().default(0),
  cache: z.boolean().default(true),
});

export const EXPORT_FORMATS = ['native', 'litellm', 'portkey', 'openrouter'] as const;

export const SuiteSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    description: z.string().optional(),
    datasets: z.array(DatasetRefSchema).min(1),
    candidates: z.array(CandidateSchema).min(1),
    primary: z.string().optional().describe('Candidate id of the primary (defaults to baseline_chain[0], else the first candidate)'),
    baseline_chain: z.array(z.string()).optional(),
    validators: z.array(ValidatorRefSchema).default(['json-schema']),
    qualify: QualifySchema.default(QualifySchema.parse({})),
    run: RunSchema.default(RunSchema.parse({})),
    export: z.array(z.enum(EXPORT_FORMATS)).default([]),
  })
  .superRefine((suite, ctx) => {
    const ids = new Set<string>();
    suite.candidates.forEach((candidate, index) => {
      if (ids.has(candidate.id)) {
        ctx.addIssue({ code: 'custom', path: ['candidates', index, 'id'], message: `duplicate candidate id "${candidate.id}"` });
      }
      ids.add(candidate.id);
    });
    suite.baseline_chain?.forEach((id, index) => {
      if (!ids.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['baseline_chain', index], message: `unknown candidate "${id}" (candidates: ${[...ids].join(', ')})` });
      }
    });
    if (suite.primary !== undefined && !ids.has(suite.primary)) {
      ctx.addIssue({ code: 'custom', path: ['primary'], message: `unknown candidate "${suite.primary}"` });
    }
  });

export type SuiteInput = z.input<typeof SuiteSchema>;
export type Suite = z.infer<typeof SuiteSchema>;

export function primaryCandidateId(suite: Suite): string {
  return suite.primary ?? suite.baseline_chain?.[0] ?? suite.candidates[0]!.id;
}
