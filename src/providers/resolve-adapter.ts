/**
 * provider name → adapter. A name → factory map, never a match on model names: a candidate says
 * which provider it uses.
 */
import type { CandidateConfig, ProviderKind, WireProtocol } from '../config/suite-schema.js';
import type { ProviderAdapter } from './adapter.js';
import { createAnthropicAdapter } from './anthropic/anthropic-adapter.js';
import { createGeminiAdapter } from './gemini/gemini-adapter.js';
import { createOpenAIAdapter } from './openai/openai-adapter.js';
import { COMPATIBLE_PRESETS } from './presets/index.js';

type RealProvider = Exclude<ProviderKind, 'simulated'>;

const ADAPTER_FACTORIES: Readonly<Record<RealProvider, () => ProviderAdapter>> = {
  openai: () => createOpenAIAdapter(),
  anthropic: () => createAnthropicAdapter(),
  gemini: () => createGeminiAdapter(),
  deepseek: () => createOpenAIAdapter(COMPATIBLE_PRESETS.deepseek),
  mistral: () => createOpenAIAdapter(COMPATIBLE_PRESETS.mistral),
  qwen: () => createOpenAIAdapter(COMPATIBLE_PRESETS.qwen),
  groq: () => createOpenAIAdapter(COMPATIBLE_PRESETS.groq),
  together: () => createOpenAIAdapter(COMPATIBLE_PRESETS.together),
  openrouter: () => createOpenAIAdapter(COMPATIBLE_PRESETS.openrouter),
  'openai-compatible': () => createOpenAIAdapter(COMPATIBLE_PRESETS['openai-compatible']),
};

const PROTOCOL_PROVIDER: Readonly<Record<WireProtocol, RealProvider>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'gemini',
};

/** The adapter that speaks this candidate's wire protocol. */
export function resolveAdapter(candidate: CandidateConfig): ProviderAdapter {
  if (candidate.provider === 'simulated') return ADAPTER_FACTORIES[PROTOCOL_PROVIDER[candidate.protocol ?? 'openai']]();
  if (candidate.provider === 'openai-compatible' && candidate.protocol && candidate.protocol !== 'openai') {
    return ADAPTER_FACTORIES[PROTOCOL_PROVIDER[candidate.protocol]]();
  }
  return ADAPTER_FACTORIES[candidate.provider]();
}

/** Where each provider is reached when the candidate gives no base_url (exporters may want it). */
export const PROVIDER_DEFAULT_BASE_URLS: Readonly<Record<RealProvider, string>> = Object.fromEntries(
  (Object.keys(ADAPTER_FACTORIES) as RealProvider[]).map((provider) => [provider, ADAPTER_FACTORIES[provider]().defaultBaseUrl]),
) as Record<RealProvider, string>;
