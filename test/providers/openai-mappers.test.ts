import { describe, expect, it } from 'vitest';
import type { HttpFailure } from '../../src/providers/adapter.js';
import { createOpenAIAdapter } from '../../src/providers/openai/openai-adapter.js';
import { chunksToSse, finishStream, foldSse, readFixture, readJsonFixture } from './helpers/fixtures.js';

const adapter = createOpenAIAdapter();
const context = { model: 'gpt-4.1-nano', stream: false, rawParamKeys: new Set<string>() };

function failure(status: number | undefined, body: unknown, headers: Record<string, string> = {}): HttpFailure {
  const out: HttpFailure = { headers, body, text: body === undefined ? "" : JSON.stringify(body), receivedAt: 1_000_000 };
  if (status !== undefined) out.status = status;
  return out;
}

describe('toRequest (OpenAI)', () => {
  it('sets model and stream options, passes max_tokens through for a chat model and clamps temperature', () => {
    const wire = adapter.toRequest(
      { messages: [{ role: 'user', content: 'hi' }], max_tokens: 50, temperature: 3, model: 'ignored', stream: false, logit_bias: { 1: 2 } },
      { ...context, stream: true },
    );
    expect(wire.path).toBe('/chat/completions');
    expect(wire.body).toEqual({
      model: 'gpt-4.1-nano',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 50,
      temperature: 2,
      logit_bias: { 1: 2 },
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(wire.warnings).toEqual([{ type: 'clamped', param: 'temperature', detail: '3 is outside 0–2; sent 2' }]);
  });
});

describe('fromResponse (OpenAI, recorded bodies)', () => {
  it('reads text, finish reason, usage and served model', () => {
    const response = adapter.fromResponse(readJsonFixture('openai', 'text.json'));
    expect(response.text).toMatch(/^\*\*Holiday Name:\*\* Galaxy Day/);
    expect(response.finishReason).toBe('stop');
    expect(response.rawFinishReason).toBe('stop');
    expect(response.servedModel).toBe('gpt-4.1-nano-2025-04-14');
    expect(response.usage.input_tokens).toBeGreaterThan(0);
    expect(response.usage.cached_input_tokens).toBe(0);
    expect(response.usage.reasoning_tokens).toBe(0);
  });

  it('reads cached input tokens', () => {
    const response = adapter.fromResponse(readJsonFixture('openai', 'cached-input.json'));
    expect(response.usage).toEqual({ input_tokens: 10122, output_tokens: 1, cached_input_tokens: 9984, reasoning_tokens: 0 });
  });

  it('reports a refusal as a content-filter outcome with the raw reason kept', () => {
    const response = adapter.fromResponse({
      choices: [{ message: { content: null, refusal: "I can't help with that." }, finish_reason: 'stop' }],
    });
    expect(response).toMatchObject({ finishReason: 'content_filter', rawFinishReason: 'stop', refusal: "I can't help with that.", text: '' });
  });

  it('parses tool-call arguments and keeps the raw string, even when broken', () => {
    const response = adapter.fromResponse({
      choices: [
        {
          message: {
            content: null,
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
              { id: 'call_2', type: 'function', function: { name: 'g', arguments: '{"a":' } },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
    });
    expect(response.finishReason).toBe('tool_calls');
    expect(response.toolCalls).toEqual([
      { id: 'call_1', name: 'f', arguments: { a: 1 }, rawArguments: '{"a":1}' },
      { id: 'call_2', name: 'g', arguments: '{"a":', rawArguments: '{"a":' },
    ]);
  });

  it('rejects a body without choices as malformed', () => {
    expect(() => adapter.fromResponse({ id: 'x', choices: [] })).toThrow(/unexpected chat.completion body/);
  });
});

describe('fromStreamEvent (OpenAI, recorded streams)', () => {
  it('assembles a text stream with usage and [DONE]', async () => {
    const { accumulator } = await foldSse(adapter, readFixture('openai', 'stream-text.sse.txt'));
    expect(accumulator.done).toBe(true);
    const response = finishStream(accumulator);
    expect(response.text.length).toBeGreaterThan(20);
    expect(response.finishReason).toBe('stop');
    expect(response.usage).toEqual({ input_tokens: 14, output_tokens: 30, reasoning_tokens: 0 });
    expect(response.servedModel).toBe('gpt-4o-2024-08-06');
  });

  it('assembles a streamed refusal', async () => {
    const { accumulator } = await foldSse(adapter, readFixture('openai', 'stream-refusal.sse.txt'));
    const response = finishStream(accumulator);
    expect(response.refusal).toBe("I'm sorry, I can't assist with that request.");
    expect(response.finishReason).toBe('content_filter');
    expect(response.text).toBe('');
  });

  it('assembles a streamed tool call from argument fragments', async () => {
    const { accumulator } = await foldSse(adapter, readFixture('openai', 'stream-tool-call.sse.txt'));
    const response = finishStream(accumulator);
    expect(response.finishReason).toBe('tool_calls');
    expect(response.toolCalls).toHaveLength(1);
    expect(response.toolCalls[0]).toMatchObject({ id: 'call_c91SqDXlYFuETYv8mUHzz6pp', name: 'GetWeatherArgs' });
    expect(response.toolCalls[0]!.arguments).toMatchObject({ city: expect.any(String) });
  });

  it('keeps parallel tool calls apart by index', async () => {
    const { accumulator } = await foldSse(adapter, readFixture('openai', 'stream-parallel-tool-calls.sse.txt'));
    const calls = finishStream(accumulator).toolCalls;
    expect(calls).toHaveLength(2);
    expect(calls[0]!.name).not.toBe(calls[1]!.name);
    for (const call of calls) expect(typeof call.arguments).toBe('object');
  });

  it('maps finish_reason length', async () => {
    const { accumulator } = await foldSse(adapter, readFixture('openai', 'stream-finish-length.sse.txt'));
    expect(finishStream(accumulator).finishReason).toBe('length');
  });

  it('reads reasoning tokens from an Azure stream whose first chunk has an empty model', async () => {
    const { accumulator } = await foldSse(adapter, chunksToSse(readFixture('openai', 'stream-azure-reasoning.chunks.txt'), true));
    const response = finishStream(accumulator);
    expect(response.usage).toEqual({ input_tokens: 15, output_tokens: 78, cached_input_tokens: 0, reasoning_tokens: 64 });
    expect(response.servedModel).toBe('gpt-5-nano-2025-08-07');
  });

  it('returns an in-stream error body for classification and keeps the text so far', async () => {
    const sse = 'data: {"choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\n: OPENROUTER PROCESSING\n\ndata: {"error":{"code":502,"message":"upstream died"}}\n\n';
    const { accumulator, errorBody } = await foldSse(adapter, sse);
    expect(accumulator.text).toBe('Hel');
    expect(adapter.classifyError(failure(undefined, errorBody))).toMatchObject({ kind: 'server_error', status: 502, retryable: true });
  });

  it('throws malformed_response on a chunk that is not JSON', async () => {
    await expect(foldSse(adapter, 'data: {"choices": [\n\n')).rejects.toMatchObject({ info: { kind: 'malformed_response' } });
  });
});

describe('classifyError (OpenAI)', () => {
  it('maps the recorded unsupported_parameter 400 to bad_request with its code', () => {
    const info = adapter.classifyError(failure(400, readJsonFixture('openai', 'error-400-unsupported-parameter.json')));
    expect(info).toMatchObject({ kind: 'bad_request', retryable: false, status: 400, providerCode: 'unsupported_parameter' });
    expect(info.message).toMatch(/max_completion_tokens/);
  });

  it('insufficient_quota is a rate limit that is not retryable; rate_limit_exceeded is retryable with a wait', () => {
    const quota = adapter.classifyError(failure(429, { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } }, { 'retry-after': '20' }));
    expect(quota).toMatchObject({ kind: 'rate_limited', retryable: false, providerCode: 'insufficient_quota' });
    expect(quota.retryAfterMs).toBeUndefined();
    const limited = adapter.classifyError(
      failure(429, { error: { message: 'Rate limit reached', type: 'tokens', code: 'rate_limit_exceeded' } }, {
        'x-ratelimit-remaining-tokens': '0',
        'x-ratelimit-reset-tokens': '6m0s',
      }),
    );
    expect(limited).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 360_000, providerCode: 'rate_limit_exceeded' });
  });

  it('maps context_length_exceeded by code and a code-less context message by text', () => {
    expect(adapter.classifyError(failure(400, { error: { message: 'too long', code: 'context_length_exceeded' } })).kind).toBe('context_length');
    const vllm = { object: 'error', message: "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.", type: 'BadRequestError', code: 400 };
    expect(adapter.classifyError(failure(400, vllm)).kind).toBe('context_length');
  });

  it('maps statuses when there is no code', () => {
    expect(adapter.classifyError(failure(401, { error: { message: 'bad key', code: null } })).kind).toBe('auth');
    expect(adapter.classifyError(failure(500, 'oops')).kind).toBe('server_error');
    expect(adapter.classifyError(failure(503, undefined))).toMatchObject({ kind: 'overloaded', retryable: true });
    expect(adapter.classifyError(failure(502, undefined, { 'retry-after-ms': '1500' }))).toMatchObject({ kind: 'server_error', retryAfterMs: 1500 });
  });
});
