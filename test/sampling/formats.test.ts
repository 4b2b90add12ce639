import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { sampleLogs } from '../../src/sampling/index.js';
import { createTempDir, FIXTURES, options, writeLog } from './helpers.js';

async function sampleAll(file: string) {
  return sampleLogs(options([join(FIXTURES, file)], { n: 100 }));
}

async function catchError(promise: Promise<unknown>): Promise<UserInputError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!isUserInputError(error)) throw new Error(`expected a UserInputError, got ${String(error)}`);
  return error;
}

describe('input formats', () => {
  it('reads OpenAI request bodies, dropping call-only fields (model, stream, user)', async () => {
    const result = await sampleAll('openai.jsonl');
    expect(result.inputs[0]!.format).toBe('openai');
    expect(result.cases[0]!.request).toEqual({
      messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: 'Summarise the refund policy in two sentences.' }],
      temperature: 0.3,
      max_tokens: 200,
    });
    expect(result.cases[1]!.request.response_format).toEqual({ type: 'json_object' });
    expect(result.cases[0]!.source.line).toBe(1);
  });

  it('reads {request, response} lines, keeping the answer as reference (OpenAI and Anthropic shapes)', async () => {
    const result = await sampleAll('request-response.jsonl');
    expect(result.inputs[0]!.format).toBe('request-response');
    const [first, second] = result.cases;
    expect(first).toMatchObject({ id: 'req_01', tags: ['billing'], expect: { reference: expect.stringContaining('pre-authorisation') } });
    expect(second!.request.messages[0]).toEqual({ role: 'system', content: 'Answer in French.' });
    expect(second!.expect?.reference).toBe('Votre colis est en route.');
  });

  it('reads gzip files as a stream, detected by magic bytes', async () => {
    const result = await sampleAll('request-response-copy.jsonl.gz');
    expect(result.inputs[0]).toMatchObject({ gzip: true, format: 'request-response', lines: 2 });
    expect(result.cases.map((sampled) => sampled.id)).toEqual(['req_01', 'req_02']);
  });

  it('reads LiteLLM spend-log rows from messages or proxy_server_request', async () => {
    const result = await sampleAll('litellm.jsonl');
    expect(result.inputs[0]!.format).toBe('litellm');
    expect(result.cases[0]).toMatchObject({ id: 'chatcmpl-1c0e3b2a', tags: ['support', 'tier:pro'], cluster: 'sess-91', expect: { reference: 'Yes, until the parcel leaves the warehouse.' } });
    expect(result.cases[1]!.request).toEqual({ messages: [{ role: 'user', content: 'Translate to German: your order has shipped.' }], temperature: 0 });
    expect(result.cases[1]!.tags).toEqual(['translation']);
  });

  it('skips Langfuse generations without an input (capture off, masked) with the reason', async () => {
    const dir = createTempDir();
    const lines = (await import('node:fs')).readFileSync(join(FIXTURES, 'langfuse.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const generation = lines.find((line) => line.type === 'GENERATION')!;
    const file = writeLog(dir, 'masked.jsonl', [{ ...generation, id: 'masked', input: null }, generation]);
    const result = await sampleLogs(options([file], { n: 5 }));
    expect(result.cases.map((sampled) => sampled.id)).toEqual([generation.id]);
    expect(result.counts.skipped_without_body).toBe(1);
    expect(result.warnings[0]).toMatchObject({ count: 1, first: { line: 1 }, message: expect.stringContaining('Langfuse holds no input') });
  });

  it('reads Langfuse generations and traces, skipping spans', async () => {
    const result = await sampleAll('langfuse.jsonl');
    expect(result.counts.skipped_not_model_calls).toBe(1);
    expect(result.cases.map((sampled) => sampled.id)).toEqual(['obs-2', 'trace-2']);
    expect(result.cases[0]!.request).toMatchObject({ temperature: 0.2, max_tokens: 400 });
    expect(result.cases[0]!.tags).toEqual(['policy']);
    expect(result.cases[1]!.request.messages).toEqual([{ role: 'user', content: 'How do I reset my password?' }]);
    expect(result.cases[1]!.expect?.reference).toBe('Use the link on the sign-in page.');
  });

  it('reads Helicone export rows with bodies', async () => {
    const result = await sampleAll('helicone.jsonl');
    expect(result.cases[0]).toMatchObject({ id: '4a6f0e2b-9d43-4f1e-8c77-0e1d2b3c4d5e', cluster: 's-12', expect: { reference: 'Yes, from 10 to 4.' } });
    expect(result.cases[0]!.tags).toEqual(['Helicone-Session-Id:s-12', 'App:support']);
  });

  it('re-samples its own dataset format, keeping weight, cluster and expect', async () => {
    const result = await sampleAll('dataset.jsonl');
    expect(result.cases[0]).toMatchObject({ id: 't-0042', weight: 3, cluster: 'conv-981', tags: ['billing', 'tier:pro'], expect: { reference: 'billing' } });
  });

  it('fails on an unknown shape with the line and every expected format', async () => {
    const dir = createTempDir();
    const file = writeLog(dir, 'odd.jsonl', [{ prompt: 'hi', completion: 'hello' }]);
    const error = await catchError(sampleLogs(options([file])));
    expect(error.location).toMatchObject({ file, line: 1 });
    expect(error.message).toContain('prompt, completion');
    for (const format of ['openai', 'litellm', 'langfuse', 'helicone', 'dataset', 'request-response']) expect(error.hint).toContain(`--format ${format}`);
  });

  it('fails on a line that is not JSON, or not like the rest of the file', async () => {
    const dir = createTempDir();
    const broken = writeLog(dir, 'broken.jsonl', [{ messages: [{ role: 'user', content: 'a' }] }, '{"messages": [', '']);
    expect((await catchError(sampleLogs(options([broken])))).location).toMatchObject({ line: 2 });
    const mixed = writeLog(dir, 'mixed.jsonl', [{ messages: [{ role: 'user', content: 'a' }] }, { prompt: 'x' }]);
    const error = await catchError(sampleLogs(options([mixed])));
    expect(error.location).toMatchObject({ line: 2 });
    expect(error.message).toContain('openai');
  });

  it('names the field when a sampled line is malformed, and what to do for LiteLLM without prompts', async () => {
    const dir = createTempDir();
    const badRole = writeLog(dir, 'bad-role.jsonl', [{ messages: [{ role: 'human', content: 'a' }] }]);
    expect((await catchError(sampleLogs(options([badRole])))).location).toMatchObject({ line: 1, path: 'messages[0]' });
    const noPrompt = writeLog(dir, 'no-prompt.jsonl', [{ request_id: 'r1', call_type: 'acompletion', spend: 0, messages: {} }]);
    expect((await catchError(sampleLogs(options([noPrompt])))).hint).toContain('store_prompts_in_spend_logs');
  });
});
