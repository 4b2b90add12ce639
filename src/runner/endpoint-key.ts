/**
 * Which candidates share a provider's rate limits: same provider, base URL and key variable.
 * Simulated candidates are each their own endpoint: they model separate providers even though
 * one local server answers for all of them.
 */
import type { CandidateConfig } from '../config/suite-schema.js';

export function toEndpointKey(candidate: CandidateConfig): string {
  if (candidate.provider === 'simulated') return `simulated|${candidate.id}`;
  return `${candidate.provider}|${candidate.base_url ?? 'default'}|${candidate.api_key_env ?? 'default'}`;
}
