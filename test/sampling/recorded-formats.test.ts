/**
 * Recorded example records (test/fixtures/logs/recorded/, provenance in its README) run through the
 * real format detection and sampling: what real systems wrote, not our reading of their docs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { sampleLogs } from '../../src/sampling/index.js';
import { readFileSync } from 'node:fs';
import { createTempDir, FIXTURES, options, writeLog } from './helpers.js';

const RECORDED = join(FIXTURES, 'recorded');

async function sampleRecorded(file: string) {
  return sampleLogs(options([join(RECORDED, file)], { n: 100 }));
}

async function catchError(promise: Promise<unknown>): Promise<UserInputError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!isUserInputError(error)) throw new Error(`expected a UserInputError, got ${String(error)}`);
  return error;
}

const SMS_SYSTEM = 'You are an airline assistant. You can send and read SMS messages, and execute commands in the terminal.';

describe('recorded OpenAI chat-completions request bodies (OpenRouter e2e recordings)', () => {
  it('detects the openai format and keeps content parts, dropping model and stream', async () => {
    const result = await sampleRecorded('openai-openrouter-e2e.jsonl');
    expect(result.inputs[0]!.format).toBe('openai');
    expect(result.cases).toHaveLength(2);
    const [pdf, sms] = result.cases;
    expect(pdf!.request).toEqual({
      messages: [{
        role: 'user',
        content: [
          { type: 'text', text: "What's the title of this document? Reply with just the title." },
          { type: 'image_url', image_url: { url: 'data:application/pdf;base64,__sidecar:0001.pdf__', detail: 'auto' } },
        ],
      }],
    });
    expect(sms!.request.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(sms!.request.messages[0]).toEqual({ role: 'system', content: SMS_SYSTEM });
    expect(sms!.request.messages[3]).toEqual({ role: 'user', content: [{ type: 'text', text: 'Find out if the SMS was delivered properly.' }] });
    expect(sms!.request).not.toHaveProperty('stream');
  });
});

describe('recorded {request, response} pairs (OpenRouter e2e request + response recordings)', () => {
  it('detects request-response and takes the recorded answer as the reference', async () => {
    const result = await sampleRecorded('request-response-openrouter-e2e.jsonl');
    expect(result.inputs[0]!.format).toBe('request-response');
    const [pdf, sms] = result.cases;
    expect(pdf!.request.messages).toHaveLength(1);
    expect(pdf!.expect?.reference).toBe('Bitcoin: A Peer-to-Peer Electronic Cash System');
    expect(sms!.request.messages[0]).toEqual({ role: 'system', content: SMS_SYSTEM });
    expect(sms!.expect?.reference).toMatch(/^I'll check the delivery status of the SMS that was sent\./);
  });
});

describe('LiteLLM spend-log rows', () => {
  it('a row written with prompts off (JSON-string columns, messages "{}") is detected and says how to store prompts', async () => {
    const file = join(RECORDED, 'litellm-berriai-spend-logs-test.jsonl');
    const error = await catchError(sampleLogs(options([file])));
    expect(error.message).toBe('none of the 1 model calls in the logs has its request body, so there is nothing to replay');
    expect(error.location).toMatchObject({ file, line: 1 });
    expect(error.hint).toContain('store_prompts_in_spend_logs: true');
  });

  it('a /spend/logs row read back from a running proxy (no prompt columns) is detected as litellm', async () => {
    const file = join(RECORDED, 'litellm-berriai-pr-39541.jsonl');
    const error = await catchError(sampleLogs(options([file])));
    expect(error.location).toMatchObject({ file, line: 1 });
    expect(error.hint).toContain('store_prompts_in_spend_logs');
  });

  it('converts stored messages of an anthropic_messages call (Anthropic content blocks) like a full native body', async () => {
    const row = JSON.parse(readFileSync(join(RECORDED, 'litellm-berriai-spend-logs-test.jsonl'), 'utf8')) as Record<string, unknown>;
    const messages = [
      { role: 'user', content: 'What is the weather in Paris?' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { city: 'Paris' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: '18°C, cloudy' }] },
    ];
    const dir = createTempDir();
    const file = writeLog(dir, 'anthropic-spend.jsonl', [{ ...row, call_type: 'anthropic_messages', messages: JSON.stringify(messages) }]);
    const result = await sampleLogs(options([file]));
    const request = result.cases[0]!.request;
    expect(request.messages[1]).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'toolu_01', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] });
    expect(request.messages[2]).toEqual({ role: 'tool', tool_call_id: 'toolu_01', content: '18°C, cloudy' });
    expect(result.conversions.converted).toEqual({ 'anthropic-messages': 1 });
  });

  it('skips prompts LiteLLM cut or redacted when storing them, and drops a cut response as reference', async () => {
    const row = JSON.parse(readFileSync(join(RECORDED, 'litellm-berriai-spend-logs-test.jsonl'), 'utf8')) as Record<string, unknown>;
    // LiteLLM's own truncation text (spend_tracking_utils._sanitize_request_body_for_spend_logs_payload): 35% head, 65% tail.
    const long = 'x'.repeat(3000);
    const cut = `${long.slice(0, 716)}... (litellm_truncated skipped 1670 chars) ...${long.slice(0, 614)}`;
    const whole = { model: 'claude-4-sonnet-20250514', messages: [{ role: 'user', content: 'Where is my parcel?' }] };
    const dir = createTempDir();
    const file = writeLog(dir, 'spend.jsonl', [
      { ...row, request_id: 'cut', proxy_server_request: JSON.stringify({ ...whole, messages: [{ role: 'user', content: cut }] }) },
      { ...row, request_id: 'redacted', messages: JSON.stringify([{ role: 'user', content: 'redacted-by-litellm' }]) },
      { ...row, request_id: 'whole', proxy_server_request: JSON.stringify(whole), response: JSON.stringify({ choices: [{ message: { content: cut } }] }) },
      { ...row, request_id: 'not-stored' },
    ]);
    const result = await sampleLogs(options([file]));
    expect(result.cases.map((sampled) => sampled.id)).toEqual(['whole']);
    expect(result.cases[0]!.expect?.reference).toBeUndefined();
    expect(result.counts.skipped_without_body).toBe(3);
    expect(result.warnings.map((warning) => [warning.first.line, warning.message.slice(0, 40)])).toEqual([
      [1, 'LiteLLM cut a string of the stored promp'],
      [2, 'LiteLLM redacted the stored prompt ("red'],
      [4, 'LiteLLM did not store the prompt of thes'],
      [3, 'LiteLLM cut the stored response ("litell'],
    ]);
    expect(result.warnings[0]!.message).toContain('MAX_STRING_LENGTH_PROMPT_IN_DB');
  });

  it('reads the prompt from JSON-string columns once stored (the recorded row with its prompt columns filled in)', async () => {
    const row = JSON.parse(readFileSync(join(RECORDED, 'litellm-berriai-spend-logs-test.jsonl'), 'utf8')) as Record<string, unknown>;
    const messages = [{ role: 'user', content: 'Hello, world!' }];
    const response = { choices: [{ message: { role: 'assistant', content: 'Hi! My name is Claude.' } }] };
    const dir = createTempDir();
    const file = writeLog(dir, 'spend.jsonl', [
      { ...row, proxy_server_request: JSON.stringify({ model: 'claude-4-sonnet-20250514', messages, temperature: 0 }), response: JSON.stringify(response) },
      { ...row, request_id: 'chatcmpl-2', messages: JSON.stringify(messages), response: JSON.stringify(response) },
    ]);
    const result = await sampleLogs(options([file]));
    expect(result.inputs[0]!.format).toBe('litellm');
    expect(result.cases[0]).toMatchObject({ id: 'chatcmpl-34df56d5-4807-45c1-bb99-61e52586b802', request: { messages, temperature: 0 }, expect: { reference: 'Hi! My name is Claude.' } });
    expect(result.cases[1]!.request).toEqual({ messages });
    // LiteLLM keeps metadata as JSON text: --where and --stratify-by paths reach into it.
    const filtered = await sampleLogs(options([file], { where: 'metadata.usage_object.prompt_tokens > 2000 && call_type == "acompletion"', stratifyBy: 'metadata.usage_object.total_tokens' }));
    expect(filtered.counts.eligible).toBe(2);
    expect(Object.keys(filtered.strata)).toEqual(['2598']);
    const none = await sampleLogs(options([file], { where: 'metadata.usage_object.prompt_tokens > 3000' })).then(() => undefined, (caught: unknown) => caught);
    expect(String((none as Error).message)).toContain('2 left out by --where');
  });
});

describe('recorded Langfuse traces and observations (langfuse/langfuse framework traces, downloaded from the UI)', () => {
  it('detects langfuse, skips the span, and decodes the JSON-text input/output of the downloaded trace', async () => {
    const result = await sampleRecorded('langfuse-framework-traces.jsonl');
    expect(result.inputs[0]!.format).toBe('langfuse');
    expect(result.cases.map((sampled) => sampled.id)).toEqual(['1b72c51fabed12ae7df83bfd4a09f545', '83517f9062f5ada4', '0d8f5427-c91a-44c8-86c5-e12d806edd57']);
    const [trace] = result.cases;
    expect(trace!.request).toEqual({ messages: [{ role: 'user', content: "Say 'Hello World!'" }] });
    expect(trace!.expect?.reference).toBe('Hello World!');
    expect(trace).toMatchObject({ cluster: 'session_abc', tags: ['autogen', 'dev'] });
  });

  it('keeps only request parameters from an instrumentation\'s modelParameters (autogen writes seed "", max_tokens -1, is_stream)', async () => {
    const [, generation] = (await sampleRecorded('langfuse-framework-traces.jsonl')).cases;
    expect(generation!.request).toEqual({
      messages: [{ role: 'user', content: "system: You are a helpful AI assistant. Solve tasks using your tools. Reply with TERMINATE when the task has been completed.\nuser: Say 'Hello World!'" }],
      frequency_penalty: 0,
      presence_penalty: 0,
      temperature: 1,
      top_p: 1,
    });
    expect(generation!.expect?.reference).toBe('Hello World!');
    expect(generation!.cluster).toBe('1b72c51fabed12ae7df83bfd4a09f545');
  });

  it('reads a generation logged by the OpenAI integration: chat messages in, plain text out', async () => {
    const [, , tutor] = (await sampleRecorded('langfuse-framework-traces.jsonl')).cases;
    expect(tutor!.request).toEqual({
      messages: [
        { role: 'assistant', content: 'I am a math tutor that likes to help math students, how can I help?' },
        { role: 'user', content: 'I need to solve the equation `3x + 11 = 14`. Can you help me?' },
      ],
    });
    expect(tutor!.expect?.reference).toMatch(/^Sure, first subtract 11 from both sides/);
  });

  it('keeps a prompt that is plain text or JSON of another kind as it is', async () => {
    const dir = createTempDir();
    const file = writeLog(dir, 'traces.jsonl', [
      { id: 't1', sessionId: 's', timestamp: '2025-06-06T11:31:33.965Z', input: '"unterminated', output: '42' },
      { id: 't2', sessionId: 's', timestamp: '2025-06-06T11:31:33.965Z', input: '"[{\\"role\\":\\"user\\",\\"content\\":\\"hi\\"}]"', output: '"ok"' },
    ]);
    const [plain, nested] = (await sampleLogs(options([file]))).cases;
    expect(plain!.request.messages).toEqual([{ role: 'user', content: '"unterminated' }]);
    expect(plain!.expect?.reference).toBe('42');
    // Only one layer is undone: a JSON string holding JSON text stays that text.
    expect(nested!.request.messages).toEqual([{ role: 'user', content: '[{"role":"user","content":"hi"}]' }]);
    expect(nested!.expect?.reference).toBe('ok');
  });
});
