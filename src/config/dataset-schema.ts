/**
 * One dataset line (DESIGN.md §9): a production request in canonical form (the OpenAI
 * chat-completions body without `model`), with id, tags, weight and per-case expectations.
 */
import { z } from 'zod';

const ContentPartSchema = z.looseObject({ type: z.string() });

export const MessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(ContentPartSchema), z.null()]).optional(),
  tool_calls: z
    .array(z.looseObject({ id: z.string(), type: z.literal('function'), function: z.looseObject({ name: z.string(), arguments: z.string() }) }))
    .optional(),
  tool_call_id: z.string().optional(),
  name: z.string().optional(),
});

const ToolSchema = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({ name: z.string().min(1), description: z.string().optional(), parameters: z.record(z.string(), z.unknown()).optional() }),
});

const ResponseFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({ name: z.string(), schema: z.record(z.string(), z.unknown()).optional(), strict: z.boolean().optional() }),
  }),
]);

/** The request is the provider-neutral body: known fields are checked, others pass through to adapters (which warn). */
export const CanonicalRequestSchema = z
  .looseObject({
    messages: z.array(MessageSchema).min(1, 'a request needs at least one message'),
    tools: z.array(ToolSchema).optional(),
    tool_choice: z
      .union([z.enum(['none', 'auto', 'required']), z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) })])
      .optional(),
    response_format: ResponseFormatSchema.optional(),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    max_tokens: z.number().int().positive().optional(),
    max_completion_tokens: z.number().int().positive().optional(),
    stop: z.union([z.string(), z.array(z.string())]).optional(),
    seed: z.number().int().optional(),
    stream: z.never({ error: 'streaming is a run option (run.stream), not part of a case' }).optional(),
    model: z.never({ error: 'the model is set per candidate; remove `model` from the case' }).optional(),
  });

export const DatasetLineSchema = z.strictObject({
  id: z.string().min(1),
  request: CanonicalRequestSchema,
  tags: z.array(z.string()).default([]),
  weight: z.number().positive().default(1),
  cluster: z.string().optional(),
  expect: z
    .looseObject({
      schema: z.record(z.string(), z.unknown()).optional(),
      language: z.string().optional(),
      reference: z.string().optional(),
    })
    .default({}),
  source: z.looseObject({ file: z.string(), line: z.number() }).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type DatasetLine = z.infer<typeof DatasetLineSchema>;
