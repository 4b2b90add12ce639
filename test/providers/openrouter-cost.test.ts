import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandidateConfig } from '../../src/config/suite-schema.js';
import { createModelClient, findPriceSource, priceResponse } from '../../src/providers/index.js';
import { projectRoot, readFixture, readJsonFixture } from './helpers/fixtures.js';

const sharedFixture = path.resolve(projectRoot, '..', 'shared', 'fixtures', 'wire', 'openrouter', 'litellm_openrouter_claude_reasoning_response.json');
if (!existsSync(sharedFixture)) console.warn(`[skip] ${sharedFixture} not found: the comparison with the shared recording is skipped`);

describe.skipIf(!existsSync(sharedFixture))('the recorded OpenRouter answer with usage.cost (shared corpus)', () => {
  it('is the body our copy holds', () => {
    expect(JSON.parse(readFileSync(sharedFixture, 'utf8'))).toEqual(readJsonFixture('openrouter', 'claude-reasoning-cost.json'));
  });
});

describe('priceResponse / findPriceSource', () => {
  const usage = { input_tokens: 1_000_000, output_tokens: 0 };
  it('bills a reported cost as is, over the suite price and the table', () => {
    expect(priceResponse({ text: '', toolCalls: [], finishReason: 'stop', usage, reportedCostUsd: 0.5 }, { input_per_mtok: 3, output_per_mtok: 15 }, 'gpt-4o')).toEqual({ costUsd: 0.5, priceSource: 'provider' });
    expect(priceResponse({ text: '', toolCalls: [], finishReason: 'stop', usage }, undefined, 'gpt-4o')).toEqual({ costUsd: 2.5, priceSource: 'table' });
  });

  it('says up front where a candidate is priced from, by provider', () => {
    expect(findPriceSource({ provider: 'openrouter', model: 'anthropic/claude-sonnet-4', price: { input_per_mtok: 1, output_per_mtok: 1 } })).toBe('provider');
    expect(findPriceSource({ provider: 'openai', model: 'gpt-4o', price: { input_per_mtok: 1, output_per_mtok: 1 } })).toBe('suite');
    expect(findPriceSource({ provider: 'openai', model: 'gpt-4o' })).toBe('table');
    expect(findPriceSource({ provider: 'openai-compatible', model: 'my-llama' })).toBe('none');
  });
});

describe('OpenRouter cost over HTTP (MockAgent, recorded body)', () => {
  let agent: MockAgent;
  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });
  afterEach(async () => {
    await agent.close();
  });

  it('uses usage.cost, not the table price of the served model nor the suite price', async () => {
    agent
      .get('https://openrouter.ai')
      .intercept({ path: '/api/v1/chat/completions', method: 'POST' })
      .reply(200, readFixture('openrouter', 'claude-reasoning-cost.json'), { headers: { 'content-type': 'application/json' } });
    const candidate: CandidateConfig = { id: 'or', provider: 'openrouter', model: 'anthropic/claude-sonnet-4', price: { input_per_mtok: 100, output_per_mtok: 100 } };
    const result = await createModelClient(candidate, { env: { OPENROUTER_API_KEY: 'test' }, dispatcher: agent }).call({ messages: [{ role: 'user', content: 'Hello world' }] }, { stream: false });
    expect(result.priceSource).toBe('provider');
    expect(result.costUsd).toBe(0.001329);
  });
});
