/**
 * provider name → adapter. A name → factory map, never a match on model names: a candidate says
 * which provider it uses.
 */
import type { CandidateConfig, ProviderKind, WireProtocol } from '../config/suite-schema.js';
import type { ProviderAdapter } from './adapter.js';
import { createOpenAIAdapter } from './openai/openai-adapter.js';
import { COMPATIBLE_PRESETS } from './presets/index.js';

type RealProvider = Exclude<ProviderKind, 'simulated'>;

const ADAPTER_FACTORIES: Readonly<Record<RealProvider, () => ProviderAdapter>> = {
  openai: () => createOpenAIAdapter(),
  anthropic: () => unsupportedYet('anthropic'),
  gemini: () => unsupportedYet('gemini'),
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

function unsupportedYet(protocol: string): never {
  throw new Error(`the ${protocol} wire protocol is not implemented yet`);
}
