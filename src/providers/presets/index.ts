/**
 * OpenAI-compatible services as presets: OpenAI's table minus these, plus these
 * (../shared/PROVIDERS.md, "OpenAI-compatible providers: quirks").
 */
import type { OpenAIPreset } from '../openai/openai-preset.js';
import { COMPATIBLE_BASE_TABLE } from './compatible-base-table.js';

type CompatibleProvider = 'deepseek' | 'mistral' | 'qwen' | 'groq' | 'together' | 'openrouter' | 'openai-compatible';

function preset(name: string, defaultBaseUrl: string, extra: Partial<OpenAIPreset> = {}): OpenAIPreset {
  return { name, defaultBaseUrl, table: COMPATIBLE_BASE_TABLE, passUnknown: true, streamUsage: true, ...extra };
}

export const COMPATIBLE_PRESETS: Readonly<Record<CompatibleProvider, OpenAIPreset>> = {
  deepseek: preset('deepseek', 'https://api.deepseek.com'),
  mistral: preset('mistral', 'https://api.mistral.ai/v1'),
  qwen: preset('qwen', 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1'),
  groq: preset('groq', 'https://api.groq.com/openai/v1'),
  together: preset('together', 'https://api.together.xyz/v1'),
  openrouter: preset('openrouter', 'https://openrouter.ai/api/v1'),
  'openai-compatible': preset('openai-compatible', 'http://localhost:8000/v1'),
};
