/**
 * Canonical → Messages body: the table, then the rules that span parameters — the required
 * max_tokens, top-level system, JSON output via a forced tool, thinking from reasoning_effort
 * (which rules out forcing any tool: then JSON is asked for in the prompt, tool_choice sent as auto).
 */
import type { CanonicalRequest, RequestWarning, ResponseFormat } from '../../core/types.js';
import type { AdapterContext, WireRequest } from '../adapter.js';
import { describeJsonInstruction, JSON_RESPONSE_TOOL } from '../engine/json-response.js';
import { applyParamTable, type Warn } from '../engine/param-table.js';
import { ANTHROPIC_PARAM_TABLE } from './anthropic-param-table.js';
import { toAnthropicMessages } from './to-anthropic-messages.js';

export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;
const THINKING_BUDGET: Readonly<Record<string, number>> = { minimal: 1024, low: 2048, medium: 8192, high: 16_384 };

export function toAnthropicRequest(request: CanonicalRequest, context: AdapterContext): WireRequest {
  const mapped = applyParamTable(ANTHROPIC_PARAM_TABLE, request, context, { passUnknown: false });
  const warnings: RequestWarning[] = mapped.warnings;
  const warn: Warn = (warning) => warnings.push(warning);
  const converted = toAnthropicMessages(request.messages, warn);
  const body: Record<string, unknown> = { model: context.model, ...mapped.body, messages: converted.messages };
  let system = converted.system;
  if (body.max_tokens === undefined) {
    body.max_tokens = ANTHROPIC_DEFAULT_MAX_TOKENS;
    warn({ type: 'defaulted', param: 'max_tokens', detail: `Anthropic requires max_tokens; sent ${ANTHROPIC_DEFAULT_MAX_TOKENS}` });
  }
  // Thinking first: Anthropic refuses a forced tool while thinking, which decides how JSON is asked for.
  if (request.reasoning_effort !== undefined) applyThinking(body, request.reasoning_effort, warn);
  const thinking = isThinkingEnabled(body);
  if (thinking) unforceToolChoice(body, warn);
  if (request.response_format && request.response_format.type !== 'text') {
    system = applyResponseFormat(body, request.response_format, system, thinking, warn);
  }
  if (request.parallel_tool_calls === false && body.tools !== undefined) {
    body.tool_choice = { ...((body.tool_choice as Record<string, unknown> | undefined) ?? { type: 'auto' }), disable_parallel_tool_use: true };
  }
  if (system !== undefined) body.system = system;
  if (context.stream) body.stream = true;
  return { path: '/v1/messages', body, headers: { 'anthropic-version': '2023-06-01' }, warnings };
}

/**
 * json_schema without other tools and without thinking → a forced tool; otherwise an instruction
 * in the system prompt. With thinking the prompt wins over dropping thinking: the dataset asked
 * for both, the validators still check the JSON, and the warning flags the gap in qualification.
 */
function applyResponseFormat(body: Record<string, unknown>, format: ResponseFormat, system: string | undefined, thinking: boolean, warn: Warn): string | undefined {
  if (format.type === 'json_schema' && body.tools === undefined && thinking) {
    warn({ type: 'compat', param: 'response_format', detail: 'json_schema not enforced: Anthropic refuses a forced tool while thinking is enabled; asked for in the system prompt instead' });
    return appendInstruction(system, describeJsonInstruction(format));
  }
  if (format.type === 'json_schema' && body.tools === undefined) {
    body.tools = [{ name: JSON_RESPONSE_TOOL, description: 'Give the answer as this tool input.', input_schema: format.json_schema.schema ?? { type: 'object' } }];
    body.tool_choice = { type: 'tool', name: JSON_RESPONSE_TOOL };
    warn({ type: 'compat', param: 'response_format', detail: 'json_schema sent as a forced tool; the answer is that tool input' });
    return system;
  }
  const instruction = describeJsonInstruction(format);
  if (instruction === undefined) return system;
  warn({ type: 'compat', param: 'response_format', detail: `${format.type} is not enforced by Anthropic here; asked for in the system prompt instead` });
  return appendInstruction(system, instruction);
}

function appendInstruction(system: string | undefined, instruction: string | undefined): string | undefined {
  if (instruction === undefined) return system;
  return system ? `${system}\n\n${instruction}` : instruction;
}

function isThinkingEnabled(body: Record<string, unknown>): boolean {
  return (body.thinking as { type?: unknown } | undefined)?.type === 'enabled';
}

/** A tool_choice of `any` or a named tool is refused with thinking: sent as `auto` instead. */
function unforceToolChoice(body: Record<string, unknown>, warn: Warn): void {
  const choice = body.tool_choice as { type?: unknown } | undefined;
  if (choice?.type !== 'any' && choice?.type !== 'tool') return;
  const { name: _name, ...rest } = choice as Record<string, unknown>;
  body.tool_choice = { ...rest, type: 'auto' };
  // unsupported, not compat: the forcing is lost, so qualification flags a tools gap.
  warn({ type: 'unsupported', param: 'tool_choice', detail: 'tool_choice not enforced: Anthropic refuses a forced tool while thinking is enabled; sent as auto' });
}

/** reasoning_effort → an extended-thinking budget, which must stay below max_tokens. */
function applyThinking(body: Record<string, unknown>, effort: string, warn: Warn): void {
  const maxTokens = body.max_tokens as number;
  const wanted = THINKING_BUDGET[effort];
  if (wanted === undefined || effort === 'none') {
    if (effort !== 'none') warn({ type: 'unsupported', param: 'reasoning_effort', detail: `unknown effort "${effort}"; sent without thinking` });
    return;
  }
  const budget = Math.min(wanted, maxTokens - 1);
  if (budget < 1024) {
    warn({ type: 'unsupported', param: 'reasoning_effort', detail: `max_tokens ${maxTokens} leaves no room for the 1024-token minimum thinking budget; sent without thinking` });
    return;
  }
  body.thinking = { type: 'enabled', budget_tokens: budget };
  warn({ type: 'compat', param: 'reasoning_effort', detail: `sent as thinking.budget_tokens ${budget}` });
  if (body.temperature !== undefined && body.temperature !== 1) {
    delete body.temperature;
    warn({ type: 'unsupported', param: 'temperature', detail: 'Anthropic requires the default temperature with thinking; dropped' });
  }
}
