/**
 * Which environment variable holds each candidate's key. Keys are read at call time from the
 * `env` given to the client and go only into request headers — never into a PreparedRequest,
 * an error message or a log.
 */
import type { CandidateConfig, ProviderKind } from '../config/suite-schema.js';

const DEFAULT_API_KEY_ENV: Readonly<Record<ProviderKind, string | undefined>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  gemini: 'GEMINI_API_KEY',
  deepseek: 'DEEPSEEK_API_KEY',
  mistral: 'MISTRAL_API_KEY',
  qwen: 'DASHSCOPE_API_KEY',
  groq: 'GROQ_API_KEY',
  together: 'TOGETHER_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
  // A local vLLM / Ollama server often needs no key; set api_key_env when yours does.
  'openai-compatible': undefined,
  simulated: undefined,
};

export function defaultApiKeyEnv(provider: ProviderKind): string | undefined {
  return DEFAULT_API_KEY_ENV[provider];
}

/** The variable a candidate's key must come from, or undefined when it needs none. */
export function apiKeyEnvFor(candidate: CandidateConfig): string | undefined {
  if (candidate.provider === 'simulated') return undefined;
  return candidate.api_key_env ?? defaultApiKeyEnv(candidate.provider);
}

/** Every candidate whose key variable is unset or empty, so `run` can exit 2 before any call. */
export function findMissingApiKeys(
  candidates: CandidateConfig[],
  env: Record<string, string | undefined>,
): Array<{ candidateId: string; variable: string }> {
  const missing: Array<{ candidateId: string; variable: string }> = [];
  for (const candidate of candidates) {
    const variable = apiKeyEnvFor(candidate);
    if (variable !== undefined && !env[variable]) missing.push({ candidateId: candidate.id, variable });
  }
  return missing;
}
