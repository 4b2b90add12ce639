/**
 * Qwen on DashScope's compatible mode: JSON mode needs "json" in the prompt, and thinking
 * (`enable_thinking`, a raw param) is refused on non-streaming calls.
 */
import type { OpenAIPreset } from '../openai/openai-preset.js';
import { COMPATIBLE_BASE_TABLE } from './compatible-base-table.js';
import { requireJsonWord } from './require-json-word.js';

export const QWEN_PRESET: OpenAIPreset = {
  name: 'qwen',
  defaultBaseUrl: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
  table: {
    ...COMPATIBLE_BASE_TABLE,
    reasoning_effort: { unsupported: 'DashScope takes enable_thinking / thinking_budget (set them in the candidate params)' },
  },
  passUnknown: true,
  streamUsage: true,
  finishBody: (body, _request, warn, context) => {
    requireJsonWord(body, warn);
    if (body.enable_thinking === true && !context.stream) {
      body.enable_thinking = false;
      warn({ type: 'compat', param: 'enable_thinking', detail: 'DashScope refuses thinking on non-streaming calls; sent false (stream this candidate to keep thinking)' });
    }
  },
};
