/**
 * One line of a recorded-answers file (DESIGN.md §9): `{id, output, schema?, language?, request?}`.
 * Production logs carry more fields than we read, so unknown keys are ignored; `reference`,
 * `expect`, `finish_reason` and `tool_calls` (ours or OpenAI's shape) are read when present.
 */
import { z } from 'zod';
import type { Case, ToolCall } from '../../core/types.js';
import type { ValidationInput } from '../types.js';
import { readFinishReason } from './read-finish-reason.js';

const ToolCallLineSchema = z.union([
  z.looseObject({ id: z.string().optional(), name: z.string(), arguments: z.unknown().optional(), rawArguments: z.string().optional() }),
  z.looseObject({ id: z.string().optional(), function: z.looseObject({ name: z.string(), arguments: z.string().default('') }) }),
]);

export const AnswerLineSchema = z.looseObject({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  output: z.string().nullable().default('').transform((value) => value ?? ''),
  schema: z.record(z.string(), z.unknown()).optional(),
  language: z.string().optional(),
  reference: z.string().optional(),
  request: z.looseObject({ messages: z.array(z.unknown()).default([]) }).optional(),
  expect: z.record(z.string(), z.unknown()).optional(),
  tags: z.array(z.string()).optional(),
  // Ours or a provider's raw value (max_tokens, MAX_TOKENS, SAFETY…), see read-finish-reason.ts.
  finish_reason: z.string().nullable().optional(),
  tool_calls: z.array(ToolCallLineSchema).optional(),
  refusal: z.string().optional(),
});
export type AnswerLine = z.infer<typeof AnswerLineSchema>;

/** The case an answer is scored against: the suite's case when there is one, overridden by the line. */
export function toValidationInput(answer: AnswerLine, known?: Pick<Case, 'id' | 'request' | 'expect' | 'tags'>): ValidationInput {
  const expect = { ...(known?.expect ?? {}), ...(answer.expect ?? {}) };
  if (answer.schema) expect.schema = answer.schema;
  if (answer.language) expect.language = answer.language;
  if (answer.reference !== undefined) expect.reference = answer.reference;
  const input: ValidationInput = {
    output: answer.output,
    case: {
      id: answer.id,
      request: (answer.request as Case['request'] | undefined) ?? known?.request ?? { messages: [] },
      expect,
      tags: answer.tags ?? known?.tags ?? [],
    },
  };
  const finishReason = readFinishReason(answer.finish_reason);
  if (finishReason) input.finishReason = finishReason;
  if (answer.tool_calls) input.toolCalls = answer.tool_calls.map(toToolCall);
  if (answer.refusal) input.refusal = answer.refusal;
  return input;
}

function toToolCall(call: z.infer<typeof ToolCallLineSchema>, index: number): ToolCall {
  const id = typeof call.id === 'string' ? call.id : `call_${index}`;
  if (!('name' in call)) return withParsedArguments(id, call.function.name, call.function.arguments);
  const raw = typeof call.rawArguments === 'string' ? call.rawArguments : typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {});
  return withParsedArguments(id, String(call.name), raw);
}

function withParsedArguments(id: string, name: string, rawArguments: string): ToolCall {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawArguments);
  } catch {
    parsed = undefined;
  }
  return { id, name, rawArguments, arguments: parsed };
}
