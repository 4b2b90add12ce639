import { describe, expect, it } from 'vitest';
import { exportChain, assertNoSecretValues } from '../../../src/chain/export-chain.js';
import { deriveTimeoutMs } from '../../../src/chain/exporters/chain-members.js';
import { fillPortkeyKeys } from '../../../src/chain/exporters/portkey.js';
import { PortkeyConfigSchema, type PortkeyConfig } from '../../../src/chain/exporters/portkey-schema.js';
import { UserInputError } from '../../../src/core/errors.js';
import { cloneRecord, DEMO_RUN, loadRun, REAL_RUN } from '../../helpers/run-fixtures.js';

const { record } = await loadRun(REAL_RUN);
const { record: demo } = await loadRun(DEMO_RUN);

function exportConfig(source = record): PortkeyConfig {
  return JSON.parse(exportChain(source, 'portkey').content) as PortkeyConfig;
}

describe('portkey export', () => {
  it('falls back over the proposed chain in order, 408 included', () => {
    const config = exportConfig();
    expect(config.strategy).toEqual({ mode: 'fallback', on_status_codes: [408, 429, 500, 502, 503, 504, 529] });
    expect(config.targets.map((target) => [target.provider, target.override_params.model])).toEqual([
      ['anthropic', 'claude-sonnet-4-5'],
      ['openai', 'gpt-4o'],
      ['deepseek', 'deepseek-chat'],
    ]);
  });

  it('gives every target a key as an environment reference, never a value', () => {
    const config = exportConfig();
    expect(config.targets.map((target) => target.api_key)).toEqual(['${ANTHROPIC_API_KEY}', '${OPENAI_API_KEY}', '${DEEPSEEK_API_KEY}']);
    const env = { ANTHROPIC_API_KEY: 'sk-ant-secret-1234567', OPENAI_API_KEY: 'sk-openai-secret-98765' };
    expect(() => assertNoSecretValues(exportChain(record, 'portkey').content, env)).not.toThrow();
    const filled = fillPortkeyKeys(config, { ...env, DEEPSEEK_API_KEY: 'sk-ds-secret-55555' }) as { targets: Array<{ api_key: string }> };
    expect(filled.targets[0]!.api_key).toBe('sk-ant-secret-1234567');
    expect(() => fillPortkeyKeys(config, env)).toThrow(/DEEPSEEK_API_KEY is not set/);
  });

  it('carries per-target params and derives timeouts from the measured latency', () => {
    const config = exportConfig();
    expect(config.targets[0]!.override_params).toEqual({ model: 'claude-sonnet-4-5', max_tokens: 1024 });
    expect(config.targets[1]!.override_params).toEqual({ model: 'gpt-4o', temperature: 0 });
    const sonnet = record.summary.scorecards.find((card) => card.candidate_id === 'sonnet')!;
    expect(config.targets[0]!.request_timeout).toBe(deriveTimeoutMs(sonnet, 30_000));
    expect(config.targets[0]!.request_timeout).toBeGreaterThanOrEqual(sonnet.latency_ms!.p99 * 1.5);
    expect(config.targets[0]!.request_timeout).toBeLessThan(30_000);
    expect(config.targets[0]!.retry).toEqual({ attempts: 2, on_status_codes: [429, 500, 502, 503, 504, 529] });
  });

  it('never sets a timeout past what the run allowed, and keeps it when nothing was measured', () => {
    const latency = { n: 200, p50: 9000, p95: 20_000, p99: 25_000, mean: 10_000 };
    const card = { ...record.summary.scorecards[0]!, latency_ms: latency };
    expect(deriveTimeoutMs(card, 30_000)).toBe(30_000);
    expect(deriveTimeoutMs({ ...card, latency_ms: null }, 12_000)).toBe(12_000);
    expect(deriveTimeoutMs({ ...card, latency_ms: { ...latency, p50: 100, p95: 200, p99: 300 } }, 30_000)).toBe(1000);
    // Too few answers to trust a tail: the run's own timeout, not 1 s from ten fast answers.
    expect(deriveTimeoutMs({ ...card, latency_ms: { ...latency, n: 10, p50: 100, p95: 200, p99: 300 } }, 30_000)).toBe(30_000);
  });

  it('points simulated members at the simulator through custom_host ending in /v1', () => {
    const config = exportConfig(demo);
    expect(config.targets[0]).toMatchObject({ provider: 'anthropic', custom_host: 'http://127.0.0.1:4141/anthropic/v1', api_key: '${CHAINPROOF_SIM_API_KEY}' });
    expect(config.targets[1]).toMatchObject({ provider: 'openai', custom_host: 'http://127.0.0.1:4141/openai/v1' });
  });

  it('refuses a custom host the gateway would mangle', () => {
    const broken = cloneRecord(record);
    broken.candidates[1]!.provider = 'openai-compatible';
    broken.candidates[1]!.base_url = 'http://127.0.0.1:9999/api';
    expect(() => exportChain(broken, 'portkey')).toThrow(/custom_host must end in \/v1/);
  });

  it('falls over on 400 only when the run showed a later member answering a context-length failure', () => {
    const reordered = cloneRecord(record);
    reordered.summary.proposed_chain = ['sonnet', 'deepseek', 'gpt4o'];
    const output = exportChain(reordered, 'portkey');
    expect((JSON.parse(output.content) as PortkeyConfig).strategy.on_status_codes[0]).toBe(400);
    expect(output.warnings.join('\n')).toMatch(/400 because deepseek failed on context length/);
    expect(exportConfig().strategy.on_status_codes).not.toContain(400);
  });

  it('refuses to export an empty chain', () => {
    const none = cloneRecord(record);
    none.summary.proposed_chain = [];
    expect(() => exportChain(none, 'portkey')).toThrow(UserInputError);
  });
});

describe('PortkeyConfigSchema', () => {
  const valid = exportConfig();
  it('accepts what the exporter writes', () => {
    expect(PortkeyConfigSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['a misspelled strategy key', { ...valid, strategy: { mode: 'fallback', on_status_code: [503] } }],
    ['a misspelled target key', { ...valid, targets: [{ ...valid.targets[0]!, overide_params: { model: 'x' } }] }],
    ['on_status_codes without 408', { ...valid, strategy: { mode: 'fallback', on_status_codes: [429, 503] } }],
    ['a key value instead of a reference', { ...valid, targets: [{ ...valid.targets[0]!, api_key: 'sk-live-123' }] }],
    ['a target without a key', { ...valid, targets: [{ provider: 'openai', override_params: { model: 'x' }, request_timeout: 1000 }] }],
  ])('rejects %s', (_label, config) => {
    expect(PortkeyConfigSchema.safeParse(config).success).toBe(false);
  });
});
