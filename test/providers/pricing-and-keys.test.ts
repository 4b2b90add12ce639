import { describe, expect, it } from 'vitest';
import type { CandidateConfig } from '../../src/config/suite-schema.js';
import { mapAnthropicUsage } from '../../src/providers/anthropic/map-anthropic-usage.js';
import { defaultApiKeyEnv, findCapabilityGaps, findMissingApiKeys, findTablePrice, priceUsage, PRICE_TABLE_DATE } from '../../src/providers/index.js';

describe('priceUsage', () => {
  const price = { input_per_mtok: 2, output_per_mtok: 8, cached_input_per_mtok: 0.5, reasoning_per_mtok: 10 };

  it('bills cached input and reasoning output at their own rates, each token once', () => {
    const { costUsd, priceSource } = priceUsage({ input_tokens: 1_000_000, cached_input_tokens: 400_000, output_tokens: 500_000, reasoning_tokens: 100_000 }, price, 'any');
    expect(priceSource).toBe('suite');
    expect(costUsd).toBeCloseTo(600_000 * 2e-6 + 400_000 * 0.5e-6 + 400_000 * 8e-6 + 100_000 * 10e-6, 10);
  });

  it('falls back to input/output rates when cached/reasoning rates are absent', () => {
    expect(priceUsage({ input_tokens: 1_000_000, cached_input_tokens: 1_000_000, output_tokens: 0 }, { input_per_mtok: 3, output_per_mtok: 15 }, 'm').costUsd).toBeCloseTo(3, 10);
  });

  it('bills Anthropic cache writes at 1.25× input and cache reads at the cached rate (recorded usage)', () => {
    // Usage of the recorded cache-write stream (anthropic/cache-write.chunks.txt) and its cache-read twin.
    const write = { input_tokens: 3 + 18639, output_tokens: 1, cached_input_tokens: 0, cache_write_input_tokens: 18639 };
    const read = { input_tokens: 3 + 18639, output_tokens: 1, cached_input_tokens: 18639, cache_write_input_tokens: 0 };
    const sonnet = findTablePrice('claude-sonnet-4-5')!;
    expect(priceUsage(write, undefined, 'claude-sonnet-4-5').costUsd).toBeCloseTo((3 * 3 + 18639 * 3 * 1.25 + 1 * 15) / 1e6, 12);
    expect(priceUsage(read, undefined, 'claude-sonnet-4-5').costUsd).toBeCloseTo((3 * 3 + 18639 * sonnet.cached_input_per_mtok! + 1 * 15) / 1e6, 12);
    expect(priceUsage(write, { input_per_mtok: 3, output_per_mtok: 15, cache_write_input_per_mtok: 6 }, 'm').costUsd).toBeCloseTo((3 * 3 + 18639 * 6 + 15) / 1e6, 12);
  });

  it('bills 1-hour cache writes at 2× input, told apart by usage.cache_creation', () => {
    // Anthropic's usage shape (as in the recorded cache-write stream), with the write made to the 1-hour cache.
    const usage = mapAnthropicUsage({ input_tokens: 3, cache_creation_input_tokens: 18639, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 639, ephemeral_1h_input_tokens: 18000 }, output_tokens: 1 });
    expect(usage).toMatchObject({ input_tokens: 3 + 18639, cache_write_input_tokens: 18639, cache_write_1h_input_tokens: 18000 });
    expect(priceUsage(usage, undefined, 'claude-sonnet-4-5').costUsd).toBeCloseTo((3 * 3 + 639 * 3 * 1.25 + 18000 * 3 * 2 + 1 * 15) / 1e6, 12);
    const suitePrice = { input_per_mtok: 3, output_per_mtok: 15, cache_write_input_per_mtok: 4, cache_write_1h_input_per_mtok: 7 };
    expect(priceUsage(usage, suitePrice, 'm').costUsd).toBeCloseTo((3 * 3 + 639 * 4 + 18000 * 7 + 15) / 1e6, 12);
    // A 5-minute write (the recorded stream's split) is unchanged.
    const fiveMinutes = mapAnthropicUsage({ input_tokens: 3, cache_creation_input_tokens: 18639, cache_creation: { ephemeral_5m_input_tokens: 18639, ephemeral_1h_input_tokens: 0 }, output_tokens: 1 });
    expect(fiveMinutes.cache_write_1h_input_tokens).toBeUndefined();
  });

  it('prices what served the request from the dated table, by exact name, dated snapshot or router prefix', () => {
    expect(PRICE_TABLE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(findTablePrice('gpt-4.1-nano-2025-04-14')).toEqual(findTablePrice('gpt-4.1-nano'));
    expect(findTablePrice('claude-sonnet-4-5-20250929')).toEqual(findTablePrice('claude-sonnet-4-5'));
    expect(findTablePrice('openai/gpt-4o-mini')).toEqual(findTablePrice('gpt-4o-mini'));
    expect(findTablePrice('gpt-4o-mini-fancy')).toBeUndefined();
    expect(priceUsage({ input_tokens: 10, output_tokens: 10 }, undefined, 'gpt-4o')).toMatchObject({ priceSource: 'table' });
    expect(priceUsage({ input_tokens: 10, output_tokens: 10 }, undefined, 'my-finetune')).toEqual({ costUsd: 0, priceSource: 'none' });
  });

  it('never bills a fallback at the primary price: the served model decides', () => {
    const primary = priceUsage({ input_tokens: 1_000_000, output_tokens: 0 }, undefined, 'gpt-4o').costUsd;
    const fallback = priceUsage({ input_tokens: 1_000_000, output_tokens: 0 }, undefined, 'gpt-4o-mini').costUsd;
    expect(fallback).toBeLessThan(primary);
  });
});

describe('API keys', () => {
  const candidates: CandidateConfig[] = [
    { id: 'a', provider: 'anthropic', model: 'claude-haiku-4-5' },
    { id: 'g', provider: 'gemini', model: 'gemini-2.5-flash', api_key_env: 'MY_GEMINI' },
    { id: 'local', provider: 'openai-compatible', model: 'llama', base_url: 'http://localhost:11434/v1' },
    { id: 'sim', provider: 'simulated', model: 'sim-small', api_key_env: 'NEVER_READ' },
    { id: 'q', provider: 'qwen', model: 'qwen-plus' },
  ];

  it('names every missing variable, honours api_key_env and needs none for simulated or key-less local servers', () => {
    expect(findMissingApiKeys(candidates, { ANTHROPIC_API_KEY: 'x', DASHSCOPE_API_KEY: '' })).toEqual([
      { candidateId: 'g', variable: 'MY_GEMINI' },
      { candidateId: 'q', variable: 'DASHSCOPE_API_KEY' },
    ]);
    expect(defaultApiKeyEnv('openai')).toBe('OPENAI_API_KEY');
    expect(defaultApiKeyEnv('simulated')).toBeUndefined();
  });
});

describe('findCapabilityGaps', () => {
  it('flags a response_format asked for only in the prompt and dropped tools', () => {
    expect(
      findCapabilityGaps([
        { type: 'compat', param: 'response_format', detail: 'json_schema is not supported; sent as json_object with the schema in the system prompt (not enforced)' },
        { type: 'unsupported', param: 'tools', detail: 'dropped' },
        { type: 'clamped', param: 'temperature', detail: '' },
      ]),
    ).toEqual(['response_format', 'tools']);
    expect(findCapabilityGaps([{ type: 'compat', param: 'response_format', detail: 'json_schema sent as a forced tool; the answer is that tool input' }])).toEqual([]);
  });
});
