/**
 * OpenRouter: providers silently drop parameters they do not support unless
 * `provider.require_parameters` is set, so chainproof sets it (a candidate's own `provider`
 * param wins). Errors after generation starts arrive inside a 200; `model` is what served.
 */
import type { OpenAIPreset } from '../openai/openai-preset.js';
import { COMPATIBLE_BASE_TABLE } from './compatible-base-table.js';

export const OPENROUTER_PRESET: OpenAIPreset = {
  name: 'openrouter',
  defaultBaseUrl: 'https://openrouter.ai/api/v1',
  table: COMPATIBLE_BASE_TABLE,
  passUnknown: true,
  streamUsage: true,
  headers: { 'x-title': 'chainproof' },
  finishBody: (body, _request, warn) => {
    if (body.provider !== undefined) return;
    body.provider = { require_parameters: true };
    warn({ type: 'compat', param: 'provider', detail: 'provider.require_parameters: true added so no routed provider drops a parameter silently' });
  },
};
