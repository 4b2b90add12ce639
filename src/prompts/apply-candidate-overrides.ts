/**
 * Per-candidate changes to the canonical request, applied before any wire mapping so that they go
 * through the same parameter table (and warnings) as the dataset's own values: a prompt tuned for
 * one model family may need a variant for another.
 */
import type { CandidateConfig } from '../config/suite-schema.js';
import type { CanonicalRequest } from '../core/types.js';

export function applyCandidateOverrides(
  request: CanonicalRequest,
  candidate: CandidateConfig,
): { request: CanonicalRequest; rawParamKeys: Set<string> } {
  let out: CanonicalRequest = request;
  if (candidate.system_prompt !== undefined) {
    const rest = request.messages.filter((message) => message.role !== 'system' && message.role !== 'developer');
    out = { ...out, messages: [{ role: 'system', content: candidate.system_prompt }, ...rest] };
  }
  const params = candidate.params ?? {};
  if (Object.keys(params).length > 0) out = { ...out, ...params } as CanonicalRequest;
  return { request: out, rawParamKeys: new Set(Object.keys(params)) };
}
