/**
 * OpenAI-compatible services as presets: OpenAI's table minus these, plus these
 * (../shared/PROVIDERS.md, "OpenAI-compatible providers: quirks").
 */
import type { OpenAIPreset } from '../openai/openai-preset.js';
import { COMPATIBLE_BASE_TABLE } from './compatible-base-table.js';
import { DEEPSEEK_PRESET } from './deepseek-preset.js';
import { GROQ_PRESET } from './groq-preset.js';
import { MISTRAL_PRESET } from './mistral-preset.js';
import { OPENROUTER_PRESET } from './openrouter-preset.js';
import { QWEN_PRESET } from './qwen-preset.js';

type CompatibleProvider = 'deepseek' | 'mistral' | 'qwen' | 'groq' | 'together' | 'openrouter' | 'openai-compatible';

export const COMPATIBLE_PRESETS: Readonly<Record<CompatibleProvider, OpenAIPreset>> = {
  deepseek: DEEPSEEK_PRESET,
  mistral: MISTRAL_PRESET,
  qwen: QWEN_PRESET,
  groq: GROQ_PRESET,
  openrouter: OPENROUTER_PRESET,
  // Together: namespaced model ids; JSON mode and tools only on some models (the server says so).
  together: { name: 'together', defaultBaseUrl: 'https://api.together.xyz/v1', table: COMPATIBLE_BASE_TABLE, passUnknown: true, streamUsage: true },
  // vLLM, Ollama, LiteLLM proxy, Portkey, Azure-style deployments: base_url is required.
  'openai-compatible': { name: 'openai-compatible', defaultBaseUrl: 'http://localhost:8000/v1', table: COMPATIBLE_BASE_TABLE, passUnknown: true, streamUsage: true },
};
