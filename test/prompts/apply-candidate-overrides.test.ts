import { describe, expect, it } from 'vitest';
import type { CandidateConfig } from '../../src/config/suite-schema.js';
import type { CanonicalRequest } from '../../src/core/types.js';
import { applyCandidateOverrides } from '../../src/prompts/index.js';

const request: CanonicalRequest = {
  messages: [
    { role: 'system', content: 'Old system' },
    { role: 'developer', content: 'Old developer' },
    { role: 'user', content: 'Question' },
  ],
  temperature: 0.2,
};
const base: CandidateConfig = { id: 'c', provider: 'anthropic', model: 'claude-haiku-4-5' };

describe('applyCandidateOverrides', () => {
  it('replaces system and developer messages with the candidate system prompt', () => {
    const { request: out } = applyCandidateOverrides(request, { ...base, system_prompt: 'New system' });
    expect(out.messages).toEqual([{ role: 'system', content: 'New system' }, { role: 'user', content: 'Question' }]);
    expect(request.messages).toHaveLength(3);
  });

  it('merges params last and reports their keys so unknown ones reach the wire as written', () => {
    const { request: out, rawParamKeys } = applyCandidateOverrides(request, { ...base, params: { temperature: 0.9, top_k: 40 } });
    expect(out).toMatchObject({ temperature: 0.9, top_k: 40 });
    expect([...rawParamKeys].sort()).toEqual(['temperature', 'top_k']);
  });

  it('returns the request unchanged without overrides', () => {
    expect(applyCandidateOverrides(request, base).request).toBe(request);
  });
});
