import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assertNoSecretValues, exportChain } from '../../../src/chain/export-chain.js';
import { EXPORTERS } from '../../../src/chain/exporters/index.js';
import { LitellmConfigSchema, type LitellmConfig } from '../../../src/chain/exporters/litellm-schema.js';
import { NativeChainSchema } from '../../../src/chain/exporters/native.js';
import { OpenrouterFragmentSchema, toOpenrouterModel } from '../../../src/chain/exporters/openrouter.js';
import { cloneRecord, DEMO_RUN, loadRun, REAL_RUN } from '../../helpers/run-fixtures.js';

const { record } = await loadRun(REAL_RUN);
const { record: demo } = await loadRun(DEMO_RUN);

describe('litellm export', () => {
  const litellm = (source = record) => parse(exportChain(source, 'litellm').content) as LitellmConfig;

  it('lists each member with provider/model, an os.environ key and a timeout in seconds', () => {
    const config = litellm();
    expect(LitellmConfigSchema.safeParse(config).success).toBe(true);
    expect(config.model_list.map((entry) => [entry.model_name, entry.litellm_params.model, entry.litellm_params.api_key])).toEqual([
      ['sonnet', 'anthropic/claude-sonnet-4-5', 'os.environ/ANTHROPIC_API_KEY'],
      ['gpt4o', 'openai/gpt-4o', 'os.environ/OPENAI_API_KEY'],
      ['deepseek', 'deepseek/deepseek-chat', 'os.environ/DEEPSEEK_API_KEY'],
    ]);
    expect(config.model_list[0]!.litellm_params.max_tokens).toBe(1024);
    expect(config.model_list[0]!.litellm_params.timeout).toBeGreaterThan(1);
    expect(config.model_list[0]!.litellm_params.timeout).toBeLessThanOrEqual(30);
  });

  it('falls back in chain order from the primary, with the retries the run measured', () => {
    expect(litellm().router_settings).toEqual({ num_retries: 2, fallbacks: [{ sonnet: ['gpt4o', 'deepseek'] }] });
  });

  it('adds context-window fallbacks where the run showed a member answer what another could not', () => {
    const reordered = cloneRecord(record);
    reordered.summary.proposed_chain = ['sonnet', 'deepseek', 'gpt4o'];
    expect(litellm(reordered).router_settings.context_window_fallbacks).toEqual([{ deepseek: ['gpt4o'] }]);
    expect(litellm(reordered).router_settings.content_policy_fallbacks).toBeUndefined();
  });

  it('says in a comment when the run was simulated, and points members at the simulator', () => {
    const text = exportChain(demo, 'litellm').content;
    expect(text.split('\n').slice(0, 3).join('\n')).toMatch(/# SIMULATED RUN/);
    expect((parse(text) as LitellmConfig).model_list[1]!.litellm_params.api_base).toBe('http://127.0.0.1:4141/openai/v1');
  });

  it('sends params LiteLLM does not know through extra_body, and says so', () => {
    const odd = cloneRecord(record);
    odd.candidates[1]!.params = { temperature: 0, enable_thinking: false };
    const output = exportChain(odd, 'litellm');
    expect((parse(output.content) as LitellmConfig).model_list[1]!.litellm_params.extra_body).toEqual({ enable_thinking: false });
    expect(output.warnings).toEqual(['gpt4o: params enable_thinking are sent through extra_body']);
  });

  it('rejects fallbacks that name no model group and misspelled keys', () => {
    const config = litellm();
    expect(LitellmConfigSchema.safeParse({ ...config, router_settings: { num_retries: 1, fallbacks: [{ sonnet: ['nobody'] }] } }).success).toBe(false);
    expect(LitellmConfigSchema.safeParse({ ...config, router_settings: { num_retries: 1, fallbacks: [], fallback: [] } }).success).toBe(false);
  });
});

describe('openrouter export', () => {
  it('lists the chain as OpenRouter model ids and asks providers to honour every parameter', () => {
    const output = exportChain(record, 'openrouter');
    const fragment = JSON.parse(output.content) as unknown;
    expect(OpenrouterFragmentSchema.safeParse(fragment).success).toBe(true);
    expect(fragment).toEqual({ models: ['anthropic/claude-sonnet-4.5', 'openai/gpt-4o', 'deepseek/deepseek-chat'], provider: { allow_fallbacks: true, require_parameters: true } });
    expect(output.warnings.join('\n')).toMatch(/derived from claude-sonnet-4-5/);
    expect(output.warnings.join('\n')).toMatch(/gpt4o: params temperature cannot be set per model/);
  });

  it('maps ids per vendor', () => {
    const base = record.candidates[0]!;
    expect(toOpenrouterModel({ ...base, provider: 'anthropic', model: 'claude-haiku-4-5-20251001' }).id).toBe('anthropic/claude-haiku-4.5');
    expect(toOpenrouterModel({ ...base, provider: 'gemini', model: 'gemini-2.5-flash' }).id).toBe('google/gemini-2.5-flash');
    expect(toOpenrouterModel({ ...base, provider: 'groq', model: 'llama-3.3-70b-versatile' }).id).toBeUndefined();
  });

  it('leaves out a fallback with no OpenRouter id, and refuses when that is the primary', () => {
    const withGroq = cloneRecord(record);
    withGroq.summary.proposed_chain = ['sonnet', 'llama-groq', 'gpt4o'];
    const output = exportChain(withGroq, 'openrouter');
    expect((JSON.parse(output.content) as { models: string[] }).models).toEqual(['anthropic/claude-sonnet-4.5', 'openai/gpt-4o']);
    expect(output.warnings.join('\n')).toMatch(/llama-groq: provider groq has no OpenRouter model id/);
    withGroq.summary.proposed_chain = ['llama-groq', 'sonnet'];
    expect(() => exportChain(withGroq, 'openrouter')).toThrow(/primary "llama-groq"/);
  });
});

describe('native export', () => {
  it('holds the chain with its evidence and predictions', () => {
    const document = JSON.parse(exportChain(record, 'native').content) as { chain: Array<{ candidate_id: string; api_key_env: string; evidence: { pass: { rate: number } } }>; prediction: unknown };
    expect(NativeChainSchema.safeParse(document).success).toBe(true);
    expect(document.chain.map((member) => member.candidate_id)).toEqual(['sonnet', 'gpt4o', 'deepseek']);
    expect(document.chain[1]!.evidence.pass.rate).toBeCloseTo(0.9333, 3);
    expect(document.chain[0]!.api_key_env).toBe('ANTHROPIC_API_KEY');
    expect(document.prediction).toMatchObject({ members: ['sonnet', 'gpt4o', 'deepseek'] });
  });
});

describe('every exporter', () => {
  it.each(['native', 'litellm', 'portkey'])('%s output is caught by the secret guard when a key was pasted into a suite', (format) => {
    const env = { OPENAI_API_KEY: 'sk-this-is-a-secret-value' };
    const clean = exportChain(record, format).content;
    expect(() => assertNoSecretValues(clean, env)).not.toThrow();
    const leaky = cloneRecord(record);
    leaky.candidates[1]!.base_url = `https://proxy.example/v1?key=${env.OPENAI_API_KEY}`.replace('?key=', '/').concat('/v1');
    expect(() => assertNoSecretValues(exportChain(leaky, format).content, env)).toThrow(/contains the value of OPENAI_API_KEY/);
  });

  it('rejects an unknown format', () => {
    expect(() => exportChain(record, 'bifrost')).toThrow(/unknown export format "bifrost"/);
  });
});
