/** DeepSeek: JSON mode only (json_object, with "json" in the prompt); cached tokens as prompt_cache_hit_tokens. */
import type { OpenAIPreset } from '../openai/openai-preset.js';
import { COMPATIBLE_BASE_TABLE } from './compatible-base-table.js';
import { downgradeJsonSchema, requireJsonWord } from './require-json-word.js';

export const DEEPSEEK_PRESET: OpenAIPreset = {
  name: 'deepseek',
  defaultBaseUrl: 'https://api.deepseek.com',
  table: COMPATIBLE_BASE_TABLE,
  passUnknown: true,
  streamUsage: true,
  finishBody: (body, _request, warn) => {
    downgradeJsonSchema(body, warn);
    requireJsonWord(body, warn);
  },
};
