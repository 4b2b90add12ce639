import { describe, expect, it } from 'vitest';
import { countRequestTokens, createCaseTokenEstimator, filterShard, loadTokenCounter, parseShardSpec, selectShard, toEndpointKey } from '../../src/runner/index.js';
import { makeCandidate, makeCase } from './fakes.js';

describe('shards', () => {
  const ids = Array.from({ length: 3_000 }, (_, index) => `case-${index}`);

  it('puts every case in exactly one shard, stably, in balanced parts', () => {
    const counts = [0, 0, 0, 0];
    for (const id of ids) {
      const owners = [1, 2, 3, 4].filter((index) => selectShard(id, index, 4));
      expect(owners).toHaveLength(1);
      counts[owners[0]! - 1]! += 1;
      expect(selectShard(id, owners[0]!, 4)).toBe(true);
    }
    for (const count of counts) expect(count).toBeGreaterThan(3_000 / 4 * 0.85);
    // Stable across releases: the slice depends only on the id (sha-256), pinned here.
    // A change here reshuffles every user's CI matrix mid-run: resumes would skip or redo cases.
    expect([1, 2, 3, 4].filter((index) => selectShard('ticket-001', index, 4))).toEqual([3]);
    expect(ids.filter((id) => selectShard(id, 1, 4)).slice(0, 5)).toEqual(['case-1', 'case-2', 'case-6', 'case-13', 'case-19']);
    expect(selectShard('anything', 1, 1)).toBe(true);
  });

  it('filters a stream of cases by shard', async () => {
    const out: string[] = [];
    for await (const item of filterShard(ids.slice(0, 100).map((id) => ({ id })), { index: 2, count: 3 })) out.push(item.id);
    expect(out).toEqual(ids.slice(0, 100).filter((id) => selectShard(id, 2, 3)));
  });

  it('parses I/N and rejects anything else with a hint', () => {
    expect(parseShardSpec('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0', '-1/3']) expect(() => parseShardSpec(bad)).toThrow(/--shard must be I\/N/);
  });
});

describe('token estimates', () => {
  it('counts messages, parts, tool definitions and the response schema with o200k', async () => {
    const count = await loadTokenCounter();
    expect(count('hello world')).toBe(2);
    const plain = countRequestTokens({ messages: [{ role: 'user', content: 'hello world' }] }, count);
    expect(plain).toBe(3 + 4 + 2);
    const rich = countRequestTokens(
      {
        messages: [{ role: 'user', content: [{ type: 'text', text: 'hello world' }, { type: 'image_url', image_url: { url: 'data:' } }] }],
        tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }],
        response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } },
      },
      count,
    );
    expect(rich).toBeGreaterThan(plain + 800);
  });

  it('counts each case once, whatever the number of candidates and repeats', () => {
    let calls = 0;
    const estimate = createCaseTokenEstimator((text) => {
      calls += 1;
      return text.length;
    });
    const testCase = makeCase('a', 'abcd');
    expect(estimate(testCase)).toBe(estimate(testCase));
    expect(calls).toBe(1);
  });
});

describe('endpoint keys', () => {
  it('groups candidates by provider, base URL and key variable; simulated ones stay apart', () => {
    expect(toEndpointKey(makeCandidate('a'))).toBe(toEndpointKey(makeCandidate('b')));
    expect(toEndpointKey(makeCandidate('a'))).not.toBe(toEndpointKey(makeCandidate('a', { api_key_env: 'OTHER_KEY' })));
    expect(toEndpointKey(makeCandidate('a'))).not.toBe(toEndpointKey(makeCandidate('a', { base_url: 'https://proxy.test' })));
    expect(toEndpointKey(makeCandidate('a', { provider: 'simulated' }))).not.toBe(toEndpointKey(makeCandidate('b', { provider: 'simulated' })));
  });
});
