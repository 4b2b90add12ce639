/** Anthropic Messages parameters: what maps, what is clamped, what it cannot take. */
import type { ToolChoice, ToolDefinition } from '../../core/types.js';
import type { ParamTable } from '../engine/param-table.js';
import { renamedTo } from '../engine/param-table.js';

/** Set by to-anthropic-request.ts from several canonical keys at once. */
const handledInToRequest = { transform: () => undefined } as const;

export const ANTHROPIC_PARAM_TABLE: ParamTable = {
  model: handledInToRequest,
  stream: handledInToRequest,
  stream_options: handledInToRequest,
  messages: handledInToRequest,
  response_format: handledInToRequest,
  parallel_tool_calls: handledInToRequest,
  reasoning_effort: handledInToRequest,
  max_tokens: {},
  max_completion_tokens: renamedTo('max_tokens', 'Anthropic names it max_tokens'),
  temperature: { range: [0, 1] },
  top_p: { range: [0, 1] },
  stop: { to: 'stop_sequences', transform: (value) => (Array.isArray(value) ? value : [value]) },
  user: { to: 'metadata.user_id' },
  tools: { transform: (value, _request, warn) => toAnthropicTools(value as ToolDefinition[], warn) },
  tool_choice: { transform: (value) => toAnthropicToolChoice(value as ToolChoice) },
  seed: { unsupported: 'Anthropic has no seed; answers are not reproducible run to run' },
  presence_penalty: { unsupported: 'Anthropic has no presence penalty' },
  frequency_penalty: { unsupported: 'Anthropic has no frequency penalty' },
  logit_bias: { unsupported: 'Anthropic has no logit bias' },
  logprobs: { unsupported: 'Anthropic returns no log probabilities' },
  top_logprobs: { unsupported: 'Anthropic returns no log probabilities' },
  n: { unsupported: 'Anthropic returns one answer per request' },
};

function toAnthropicTools(tools: ToolDefinition[], warn: (w: { type: 'compat'; param: string; detail: string }) => void): unknown[] {
  if (tools.some((tool) => tool.function.strict)) warn({ type: 'compat', param: 'tools', detail: '`strict` tool schemas are not enforced by Anthropic' });
  return tools.map((tool) => ({
    name: tool.function.name,
    ...(tool.function.description ? { description: tool.function.description } : {}),
    input_schema: tool.function.parameters ?? { type: 'object', properties: {} },
  }));
}

function toAnthropicToolChoice(choice: ToolChoice): Record<string, unknown> {
  if (choice === 'auto') return { type: 'auto' };
  if (choice === 'required') return { type: 'any' };
  if (choice === 'none') return { type: 'none' };
  return { type: 'tool', name: choice.function.name };
}
