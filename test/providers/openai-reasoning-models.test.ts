import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CandidateSchema, type CandidateConfig } from '../../src/config/suite-schema.js';
import { isProviderError } from '../../src/core/errors.js';
import type { CanonicalRequest } from '../../src/core/types.js';
import { createModelClient } from '../../src/providers/index.js';
import { createOpenAIAdapter } from '../../src/providers/openai/openai-adapter.js';
import { COMPATIBLE_PRESETS } from '../../src/providers/presets/index.js';
import { projectRoot, readFixture, readJsonFixture } from './helpers/fixtures.js';

const sampled: CanonicalRequest = {
  messages: [{ role: 'system', content: 'Be terse.' }, { role: 'user', content: 'hi' }],
  temperature: 0.2,
  top_p: 0.9,
  presence_penalty: 0.1,
  frequency_penalty: 0.1,
  logprobs: true,
  top_logprobs: 2,
  max_tokens: 100,
  seed: 7,
};
const baseContext = { stream: false, rawParamKeys: new Set<string>() };
const openai = createOpenAIAdapter();

describe('OpenAI reasoning models (toRequest)', () => {
  it('drops the sampling parameters and sends max_completion_tokens for a known reasoning id, each a warning naming why', () => {
    const wire = openai.toRequest(sampled, { ...baseContext, model: 'o3-2025-04-16' });
    expect(wire.body).toEqual({ model: 'o3-2025-04-16', messages: sampled.messages, max_completion_tokens: 100, seed: 7 });
    const unsupported = wire.warnings.filter((warning) => warning.type === 'unsupported');
    expect(unsupported.map((warning) => warning.param).sort()).toEqual(['frequency_penalty', 'logprobs', 'presence_penalty', 'temperature', 'top_logprobs', 'top_p']);
    expect(unsupported[0]).toEqual({
      type: 'unsupported',
      param: 'temperature',
      detail: 'reasoning models reject temperature; dropped ("o3-2025-04-16" is a known reasoning model; set reasoning: false on the candidate if it is not)',
    });
    expect(wire.warnings).toContainEqual({ type: 'compat', param: 'max_tokens', detail: expect.stringContaining('reasoning models reject max_tokens') });
  });

  it('never decides by prefix: an unknown id keeps its parameters unless the candidate says reasoning', () => {
    const unknown = openai.toRequest(sampled, { ...baseContext, model: 'o3-my-finetune' });
    expect(unknown.body).toMatchObject({ temperature: 0.2, top_p: 0.9, logprobs: true });
    const flagged = openai.toRequest(sampled, { ...baseContext, model: 'o3-my-finetune', reasoning: true });
    expect(flagged.body.temperature).toBeUndefined();
    expect(flagged.warnings[0]!.detail).toContain('candidate setting reasoning: true');
  });

  it('lets the candidate say a listed id is not a reasoning model', () => {
    const wire = openai.toRequest(sampled, { ...baseContext, model: 'gpt-5', reasoning: false });
    expect(wire.body).toMatchObject({ temperature: 0.2, max_tokens: 100 });
    expect(wire.warnings).toEqual([]);
  });

  it('sends system messages as user messages to o1-mini, with a warning', () => {
    const wire = openai.toRequest(sampled, { ...baseContext, model: 'o1-mini' });
    expect(wire.body.messages).toEqual([{ role: 'user', content: 'Be terse.' }, { role: 'user', content: 'hi' }]);
    expect(wire.warnings).toContainEqual({
      type: 'compat',
      param: 'messages',
      detail: 'system/developer messages sent as user messages: this model rejects system messages ("o1-mini" is a known reasoning model; set reasoning: false on the candidate if it is not)',
    });
    const o1 = openai.toRequest(sampled, { ...baseContext, model: 'o1' });
    expect((o1.body.messages as Array<{ role: string }>)[0]!.role).toBe('system');
  });

  it('keeps max_completion_tokens on an OpenAI-compatible deployment flagged as reasoning (Azure-style)', () => {
    const compatible = createOpenAIAdapter(COMPATIBLE_PRESETS['openai-compatible']);
    const wire = compatible.toRequest({ messages: [{ role: 'user', content: 'x' }], max_completion_tokens: 50, temperature: 1 }, { ...baseContext, model: 'my-deployment', reasoning: true });
    expect(wire.body).toEqual({ model: 'my-deployment', messages: [{ role: 'user', content: 'x' }], max_completion_tokens: 50 });
  });
});

describe('the candidate `reasoning` setting', () => {
  it('is accepted on OpenAI-chat candidates and refused where it would do nothing', () => {
    expect(CandidateSchema.safeParse({ id: 'a', provider: 'openai', model: 'x', reasoning: 'no-system' }).success).toBe(true);
    expect(CandidateSchema.safeParse({ id: 'a', provider: 'openai-compatible', model: 'x', base_url: 'http://h/v1', reasoning: true }).success).toBe(true);
    const anthropic = CandidateSchema.safeParse({ id: 'a', provider: 'anthropic', model: 'x', reasoning: true });
    expect(anthropic.success).toBe(false);
    expect(anthropic.error?.issues[0]?.path).toEqual(['reasoning']);
    expect(CandidateSchema.safeParse({ id: 'a', provider: 'openai', model: 'x', reasoning: 'yes' }).success).toBe(false);
  });
});

const corpus = path.resolve(projectRoot, '..', 'shared', 'fixtures', 'wire');
const sharedFixture = path.join(corpus, 'openai', 'vercel-ai_reasoning-model-legacy-parameter-error.json');
if (!existsSync(sharedFixture)) console.warn(`[skip] ${sharedFixture} not found: the comparison with the shared recording is skipped`);

describe.skipIf(!existsSync(sharedFixture))('the recorded reasoning-model 400 (shared corpus)', () => {
  it('is the body our trimmed copy holds', () => {
    expect(JSON.parse(readFileSync(sharedFixture, 'utf8'))).toEqual(readJsonFixture('openai', 'error-400-unsupported-parameter.json'));
  });
});

describe('a reasoning model over HTTP (MockAgent answering like the real API)', () => {
  let agent: MockAgent;
  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });
  afterEach(async () => {
    await agent.close();
  });

  /** Answers the recorded 400 when a parameter reasoning models reject is present. */
  function interceptLikeReasoningModel(): void {
    agent
      .get('https://api.openai.com')
      .intercept({ path: '/v1/chat/completions', method: 'POST' })
      .reply((options) => {
        const body = JSON.parse(String(options.body)) as Record<string, unknown>;
        const rejected = ['max_tokens', 'temperature', 'top_p'].some((param) => param in body);
        return rejected
          ? { statusCode: 400, data: readFixture('openai', 'error-400-unsupported-parameter.json'), responseOptions: { headers: { 'content-type': 'application/json' } } }
          : { statusCode: 200, data: readFixture('openai', 'text.json'), responseOptions: { headers: { 'content-type': 'application/json' } } };
      });
  }

  const env = { OPENAI_API_KEY: 'sk-test' };
  const deployment: CandidateConfig = { id: 'r', provider: 'openai', model: 'reasoner-deployment' };

  it('classifies the 400 unsupported_parameter as bad_request with the provider code when the candidate says nothing', async () => {
    interceptLikeReasoningModel();
    const error = await createModelClient(deployment, { env, dispatcher: agent }).call(sampled, { stream: false }).catch((caught: unknown) => caught);
    expect(isProviderError(error)).toBe(true);
    expect(error).toMatchObject({ info: { kind: 'bad_request', retryable: false, status: 400, providerCode: 'unsupported_parameter' } });
  });

  it('succeeds once the candidate says reasoning: true, with every dropped parameter reported', async () => {
    interceptLikeReasoningModel();
    const result = await createModelClient({ ...deployment, reasoning: true }, { env, dispatcher: agent }).call(sampled, { stream: false });
    expect(result.response.text).toMatch(/Galaxy Day/);
    expect(result.warnings.filter((warning) => warning.type === 'unsupported')).toHaveLength(6);
  });
});
