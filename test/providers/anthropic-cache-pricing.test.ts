import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CandidateConfig } from '../../src/config/suite-schema.js';
import { createModelClient } from '../../src/providers/index.js';
import { chunksToSse, readFixture } from './helpers/fixtures.js';

describe('Anthropic cache writes priced over HTTP (MockAgent, recorded stream)', () => {
  let agent: MockAgent;
  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });
  afterEach(async () => {
    await agent.close();
  });

  it('bills the 18639 written tokens at 1.25× the suite input price', async () => {
    agent
      .get('https://api.anthropic.com')
      .intercept({ path: '/v1/messages', method: 'POST' })
      .reply(200, chunksToSse(readFixture('anthropic', 'cache-write.chunks.txt'), false, true), { headers: { 'content-type': 'text/event-stream' } });
    const candidate: CandidateConfig = { id: 'claude', provider: 'anthropic', model: 'claude-sonnet-4-6', price: { input_per_mtok: 3, output_per_mtok: 15, cached_input_per_mtok: 0.3 } };
    const result = await createModelClient(candidate, { env: { ANTHROPIC_API_KEY: 'test' }, dispatcher: agent }).call(
      { messages: [{ role: 'user', content: 'Say OK' }], max_tokens: 1 },
      { stream: true },
    );
    expect(result.response.usage.cache_write_input_tokens).toBe(18639);
    expect(result.priceSource).toBe('suite');
    expect(result.costUsd).toBeCloseTo((3 * 3 + 18639 * 3.75 + 1 * 15) / 1e6, 12);
  });
});
