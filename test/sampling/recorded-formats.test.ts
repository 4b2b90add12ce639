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
    expect(error.location).toMatchObject({ file, line: 1, path: 'messages' });
    expect(error.message).toContain('no stored prompt');
    expect(error.hint).toContain('store_prompts_in_spend_logs');
  });

  it('a /spend/logs row read back from a running proxy (no prompt columns) is detected as litellm', async () => {
    const file = join(RECORDED, 'litellm-berriai-pr-39541.jsonl');
    const error = await catchError(sampleLogs(options([file])));
    expect(error.location).toMatchObject({ file, line: 1, path: 'messages' });
    expect(error.hint).toContain('store_prompts_in_spend_logs');
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
  });
});
