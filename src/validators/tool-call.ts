/**
 * tool-call: the answer's tool calls name tools the request offers, their arguments are strict
 * JSON that validates against the tool's `parameters` schema, and `tool_choice` and
 * `parallel_tool_calls: false` are respected. `expect.tool` (a name or a list) names the tool(s)
 * the case expects. A case whose request offers no tools is not applicable.
 *
 * Options: `require_call` (default false): with tool_choice auto, an answer without any call fails.
 */
import { z } from 'zod';
import type { ToolCall, ToolDefinition, Verdict, VerdictReason } from '../core/types.js';
import { parseJson } from './extract/parse-json.js';
import { formatPosition } from './extract/positions.js';
import { compileSchema } from './json-schema/compile-schema.js';
import { formatSchemaErrors } from './json-schema/format-schema-errors.js';
import { parseValidatorOptions } from './options.js';
import type { ValidationInput, Validator, ValidatorFactory } from './types.js';
import { capReasons, failVerdict, notApplicable, passVerdict } from './verdicts.js';

const NAME = 'tool-call';

export const ToolCallOptionsSchema = z.strictObject({
  require_call: z.boolean().default(false).describe('With tool_choice auto, an answer without a tool call fails'),
});
export type ToolCallOptions = z.infer<typeof ToolCallOptionsSchema>;

interface Failure {
  category: string;
  reason: VerdictReason;
}

export function createToolCallValidator(options: ToolCallOptions = { require_call: false }): Validator {
  return {
    name: NAME,
    check(testCase) {
      for (const tool of testCase.request?.tools ?? []) if (tool.function?.parameters) compileSchema(tool.function.parameters);
    },
    validate(input): Verdict {
      const tools = input.case.request?.tools ?? [];
      if (tools.length === 0) return notApplicable(NAME, 'the request offers no tools');
      const failures = [...checkChoice(input, options), ...(input.toolCalls ?? []).flatMap((call, index) => checkCall(call, index, tools))];
      if (failures.length === 0) return passVerdict(NAME);
      return failVerdict(NAME, failures.map((failure) => failure.category), capReasons(failures.map((failure) => failure.reason), 10));
    },
  };
}

function checkChoice(input: ValidationInput, options: ToolCallOptions): Failure[] {
  const calls = input.toolCalls ?? [];
  const choice = input.case.request.tool_choice ?? 'auto';
  const failures: Failure[] = [];
  if (choice === 'none' && calls.length > 0) failures.push({ category: 'tool_choice', reason: { message: 'tool_choice is "none" but the answer calls a tool' } });
  const mustCall = choice === 'required' || typeof choice === 'object' || (choice === 'auto' && options.require_call) || expectedTools(input).length > 0;
  if (choice !== 'none' && mustCall && calls.length === 0) failures.push({ category: 'no_tool_call', reason: { message: 'the answer calls no tool' } });
  if (typeof choice === 'object' && calls.some((call) => call.name !== choice.function.name)) {
    failures.push({ category: 'tool_choice', reason: { message: `tool_choice forces "${choice.function.name}" but the answer calls ${describeNames(calls)}` } });
  }
  const expected = expectedTools(input);
  if (expected.length > 0 && calls.length > 0 && !calls.some((call) => expected.includes(call.name))) {
    failures.push({ category: 'wrong_tool', reason: { message: `expected a call to ${expected.map((name) => `"${name}"`).join(' or ')}, got ${describeNames(calls)}` } });
  }
  if (input.case.request.parallel_tool_calls === false && calls.length > 1) {
    failures.push({ category: 'parallel_calls', reason: { message: `parallel_tool_calls is false but the answer makes ${calls.length} calls` } });
  }
  return failures;
}

function checkCall(call: ToolCall, index: number, tools: ToolDefinition[]): Failure[] {
  const where = `tool_calls[${index}]`;
  const tool = tools.find((candidate) => candidate.function.name === call.name);
  if (!tool) {
    return [{ category: 'unknown_tool', reason: { message: `calls "${call.name}", which the request does not offer (offered: ${tools.map((t) => t.function.name).join(', ')})`, location: where } }];
  }
  const raw = call.rawArguments.trim() === '' ? '{}' : call.rawArguments;
  const parsed = parseJson(raw, false);
  if (!parsed.ok) {
    return [{ category: 'invalid_arguments', reason: { message: `arguments of "${call.name}" are not valid JSON: ${parsed.message}`, location: `${where}.arguments ${formatPosition(parsed.position)}` } }];
  }
  const parameters = tool.function.parameters;
  if (!parameters) return [];
  const validate = compileSchema(parameters);
  if (validate(parsed.value)) return [];
  return formatSchemaErrors(validate.errors ?? []).map((reason) => ({
    category: 'arguments_mismatch',
    reason: { message: `${call.name}: ${reason.message}`, location: `${where}.arguments${reason.location === '/' ? '' : reason.location}` },
  }));
}

function expectedTools(input: ValidationInput): string[] {
  const expected = input.case.expect?.tool;
  if (typeof expected === 'string') return [expected];
  return Array.isArray(expected) ? expected.filter((name): name is string => typeof name === 'string') : [];
}

function describeNames(calls: ToolCall[]): string {
  return calls.map((call) => `"${call.name}"`).join(', ');
}

export const toolCallFactory: ValidatorFactory = (options) => createToolCallValidator(parseValidatorOptions(NAME, ToolCallOptionsSchema, options));
