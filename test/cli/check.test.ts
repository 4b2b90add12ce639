import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { captureIO } from '../helpers/run-fixtures.js';

const root = path.resolve(import.meta.dirname, '..', '..');

function suiteDir(suite: string, lines: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cp-check-'));
  writeFileSync(path.join(dir, 'cases.jsonl'), lines.join('\n') + '\n');
  writeFileSync(path.join(dir, 's.yaml'), suite);
  return dir;
}

const CASE = (id: string, content = 'Summarize our refund policy in one sentence.') => JSON.stringify({ id, request: { messages: [{ role: 'user', content }], max_tokens: 100 } });

describe('chainproof check', () => {
  it('validates the demo suite and prints the cost estimate per candidate', async () => {
    const io = captureIO(root);
    const code = await runCli(['check', 'suites/demo.suite.yaml'], io);
    expect(code).toBe(0);
    expect(io.out()).toContain('demo-support-bot: the suite is valid');
    expect(io.out()).toContain('4 candidates × 230 cases × 1 repeats = 920 calls');
    expect(io.out()).toMatch(/sonnet\s+230 calls\s+~\$\d+\.\d{4}/);
  });

  it('lists missing API keys as warnings, and fails on them with --require-keys', async () => {
    const dir = suiteDir('name: t\ndatasets: [{path: cases.jsonl}]\ncandidates: [{id: a, provider: openai, model: gpt-4o-mini, api_key_env: CP_CHECK_KEY}]\n', [CASE('a')]);
    const lenient = captureIO(dir, {});
    expect(await runCli(['check', 's.yaml'], lenient)).toBe(0);
    expect(lenient.out()).toContain('candidate "a" needs CP_CHECK_KEY, which is not set');
    const strict = captureIO(dir, {});
    expect(await runCli(['check', 's.yaml', '--require-keys'], strict)).toBe(2);
    expect(strict.err()).toContain('missing API key: CP_CHECK_KEY');
  });

  it('shows what each candidate will be sent, and the capability gaps `run` would disqualify it for', async () => {
    const audio = JSON.stringify({ id: 'voice', request: { messages: [{ role: 'user', content: [{ type: 'text', text: 'What is said here?' }, { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } }] }] } });
    const suite = [
      'name: t',
      'datasets: [{path: cases.jsonl}]',
      'candidates:',
      '  - {id: gpt, provider: openai, model: gpt-4o-audio-preview}',
      '  - {id: claude, provider: anthropic, model: claude-sonnet-4-5}',
      '  - {id: gemini, provider: gemini, model: gemini-2.5-flash}',
    ].join('\n');
    const dir = suiteDir(suite, [CASE('a'), audio]);
    const io = captureIO(dir, {});
    expect(await runCli(['check', 's.yaml'], io)).toBe(0);
    expect(io.out()).toContain('✘ claude: cannot be sent part of the prompt as asked on 1 of 2 cases (content part of type "input_audio" dropped): `run` disqualifies it');
    expect(io.out()).toContain('claude: max_tokens rewritten on 1 of 2 cases (warnings in the report)');
    expect(io.out()).not.toMatch(/✘ (gpt|gemini)/);
    const json = captureIO(dir, {});
    await runCli(['check', 's.yaml', '--json'], json);
    const requests = (JSON.parse(json.out()) as { requests: Array<{ candidate_id: string; gaps: Record<string, number> }> }).requests;
    expect(requests.map((preview) => [preview.candidate_id, preview.gaps])).toEqual([['gpt', {}], ['claude', { content: 1 }], ['gemini', {}]]);
  });

  it('exits 2 naming the file and line of a bad dataset line', async () => {
    const dir = suiteDir('name: t\ndatasets: [{path: cases.jsonl}]\ncandidates: [{id: a, provider: openai, model: gpt-4o-mini}]\n', [CASE('a'), '{"id": "b"}']);
    const io = captureIO(dir, { OPENAI_API_KEY: 'x' });
    expect(await runCli(['check', 's.yaml'], io)).toBe(2);
    expect(io.err()).toMatch(/cases\.jsonl:2: request: /);
  });

  it('exits 1 when the estimate is over the budget, and prints JSON with --json', async () => {
    const suite = 'name: t\ndatasets: [{path: cases.jsonl}]\ncandidates: [{id: a, provider: openai, model: m, price: {input_per_mtok: 1000, output_per_mtok: 1000}}]\nrun: {budget_usd: 0.01}\n';
    const dir = suiteDir(suite, [CASE('a'), CASE('b')]);
    const io = captureIO(dir, { OPENAI_API_KEY: 'x' });
    expect(await runCli(['check', 's.yaml', '--json'], io)).toBe(1);
    const result = JSON.parse(io.out()) as { over_budget: boolean; cases: number; estimate_usd: { expected: number } };
    expect(result.over_budget).toBe(true);
    expect(result.cases).toBe(2);
    expect(result.estimate_usd.expected).toBeGreaterThan(0.01);
  });
});

describe('chainproof run refuses an over-budget estimate before any call', () => {
  it('exits 2 with the estimate per candidate', async () => {
    const suite = 'name: t\ndatasets: [{path: cases.jsonl}]\ncandidates: [{id: a, provider: openai, model: m, base_url: "http://127.0.0.1:9/v1", price: {input_per_mtok: 1000, output_per_mtok: 1000}}]\nrun: {budget_usd: 0.01}\n';
    const dir = suiteDir(suite, [CASE('a'), CASE('b')]);
    const io = captureIO(dir, { OPENAI_API_KEY: 'x' });
    expect(await runCli(['run', 's.yaml', '--quiet'], io)).toBe(2);
    expect(io.err()).toMatch(/the run is estimated at \$\d+\.\d\d, over the budget of \$0\.01/);
    expect(io.err()).toContain('a: 2 calls');
  });
  it('names --budget-usd, not the suite, when the flag set the budget, and shows a sub-cent budget as it is', async () => {
    const suite = 'name: t\ndatasets: [{path: cases.jsonl}]\ncandidates: [{id: a, provider: openai, model: m, base_url: "http://127.0.0.1:9/v1", price: {input_per_mtok: 1000, output_per_mtok: 1000}}]\n';
    const dir = suiteDir(suite, [CASE('a'), CASE('b')]);
    const io = captureIO(dir, { OPENAI_API_KEY: 'x' });
    expect(await runCli(['run', 's.yaml', '--quiet', '--budget-usd', '0.00001'], io)).toBe(2);
    expect(io.err()).toMatch(/over the budget of \$0\.000010 \(--budget-usd\)/);
    expect(io.err()).not.toContain('run.budget_usd');
  });
});
