/** Gemini generateContent parameters: most live under `generationConfig`. */
import type { ToolChoice } from '../../core/types.js';
import type { ParamTable } from '../engine/param-table.js';

/** Set by to-gemini-request.ts from several canonical keys at once. */
const handledInToRequest = { transform: () => undefined } as const;

export const GEMINI_PARAM_TABLE: ParamTable = {
  model: handledInToRequest,
  stream: handledInToRequest,
  stream_options: handledInToRequest,
  messages: handledInToRequest,
  tools: handledInToRequest,
  response_format: handledInToRequest,
  reasoning_effort: handledInToRequest,
  temperature: { to: 'generationConfig.temperature', range: [0, 2] },
  top_p: { to: 'generationConfig.topP', range: [0, 1] },
  max_tokens: { to: 'generationConfig.maxOutputTokens' },
  max_completion_tokens: { to: 'generationConfig.maxOutputTokens' },
  stop: { to: 'generationConfig.stopSequences', transform: (value) => (Array.isArray(value) ? value : [value]) },
  seed: { to: 'generationConfig.seed' },
  presence_penalty: { to: 'generationConfig.presencePenalty' },
  frequency_penalty: { to: 'generationConfig.frequencyPenalty' },
  n: { to: 'generationConfig.candidateCount' },
  logprobs: { to: 'generationConfig.responseLogprobs' },
  top_logprobs: { to: 'generationConfig.logprobs' },
  tool_choice: { to: 'toolConfig.functionCallingConfig', transform: (value) => toFunctionCallingConfig(value as ToolChoice) },
  parallel_tool_calls: {
    transform: (value, _request, warn) => {
      if (value === false) warn({ type: 'unsupported', param: 'parallel_tool_calls', detail: 'Gemini cannot forbid parallel function calls; dropped' });
      return undefined;
    },
  },
  logit_bias: { unsupported: 'Gemini has no logit bias' },
  user: { unsupported: 'Gemini has no end-user field' },
};

function toFunctionCallingConfig(choice: ToolChoice): Record<string, unknown> {
  if (choice === 'auto') return { mode: 'AUTO' };
  if (choice === 'required') return { mode: 'ANY' };
  if (choice === 'none') return { mode: 'NONE' };
  return { mode: 'ANY', allowedFunctionNames: [choice.function.name] };
}
