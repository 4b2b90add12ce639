/** The chat-completions adapter, parameterised by a preset (OpenAI itself or a compatible service). */
import type { ProviderAdapter } from '../adapter.js';
import { classifyOpenAIError } from './classify-openai-error.js';
import { fromOpenAIResponse } from './from-openai-response.js';
import { fromOpenAIStreamEvent } from './from-openai-stream-event.js';
import { OPENAI_PARAM_TABLE } from './openai-param-table.js';
import type { OpenAIPreset } from './openai-preset.js';
import { toOpenAIRequest } from './to-openai-request.js';

export const OPENAI_PRESET: OpenAIPreset = {
  name: 'openai',
  defaultBaseUrl: 'https://api.openai.com/v1',
  table: OPENAI_PARAM_TABLE,
  passUnknown: true,
  streamUsage: true,
};

export function createOpenAIAdapter(preset: OpenAIPreset = OPENAI_PRESET): ProviderAdapter {
  return {
    name: preset.name,
    defaultBaseUrl: preset.defaultBaseUrl,
    toRequest: (request, context) => toOpenAIRequest(preset, request, context),
    authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
    isErrorBody: (body) => isObject(body) && body.error != null && !Array.isArray(body.choices),
    fromResponse: fromOpenAIResponse,
    fromStreamEvent: fromOpenAIStreamEvent,
    classifyError: (failure) => classifyOpenAIError(failure, preset.contextLengthText),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
