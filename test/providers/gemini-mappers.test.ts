import { describe, expect, it } from 'vitest';
import type { HttpFailure } from '../../src/providers/adapter.js';
import { createGeminiAdapter } from '../../src/providers/gemini/gemini-adapter.js';
import { chunksToSse, finishStream, foldSse, readFixture, readJsonFixture } from './helpers/fixtures.js';

const adapter = createGeminiAdapter();
const context = { model: 'gemini-2.5-flash', stream: false, rawParamKeys: new Set<string>() };

function failure(status: number | undefined, body: unknown, headers: Record<string, string> = {}): HttpFailure {
  const out: HttpFailure = { headers, body, text: body === undefined ? '' : JSON.stringify(body), receivedAt: 0 };
  if (status !== undefined) out.status = status;
  return out;
}

describe('toRequest (Gemini)', () => {
  it('sends inline files and audio as inlineData, and says when a part cannot go', () => {
    const wire = adapter.toRequest(
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'file', file: { filename: 'notes.txt', file_data: 'data:text/plain;base64,aGVsbG8=' } },
              { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
              { type: 'file', file: { file_id: 'file-abc123' } },
            ],
          },
        ],
      },
      context,
    );
    expect((wire.body as { contents: Array<{ parts: unknown[] }> }).contents[0]!.parts).toEqual([
      { inlineData: { mimeType: 'text/plain', data: 'aGVsbG8=' } },
      { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
    ]);
    expect(wire.warnings).toContainEqual({ type: 'unsupported', param: 'messages', detail: 'content part of type "file" dropped' });
  });

  it('builds systemInstruction, model-role contents, generationConfig and function declarations', () => {
    const wire = adapter.toRequest(
      {
        messages: [
          { role: 'system', content: 'Be terse.' },
          { role: 'user', content: 'Weather in Paris?' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }] },
          { role: 'tool', tool_call_id: 'call_9', content: 'sunny' },
        ],
        tools: [
          {
            type: 'function',
            function: { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, additionalProperties: false, $schema: 'x' } },
          },
        ],
        tool_choice: { type: 'function', function: { name: 'weather' } },
        temperature: 0.3,
        max_tokens: 64,
        stop: ['END'],
        seed: 1,
        response_format: { type: 'json_schema', json_schema: { name: 'w', schema: { type: 'object', properties: { ok: { type: 'boolean' } } } } },
      },
      { ...context, stream: true },
    );
    expect(wire.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(wire.body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Weather in Paris?' }] },
        { role: 'model', parts: [{ functionCall: { name: 'weather', args: { city: 'Paris' } } }] },
        { role: 'user', parts: [{ functionResponse: { name: 'weather', response: { content: 'sunny' } } }] },
      ],
      systemInstruction: { parts: [{ text: 'Be terse.' }] },
      generationConfig: {
        temperature: 0.3,
        maxOutputTokens: 64,
        stopSequences: ['END'],
        seed: 1,
        responseMimeType: 'application/json',
        responseSchema: { type: 'object', properties: { ok: { type: 'boolean' } } },
      },
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['weather'] } },
      tools: [{ functionDeclarations: [{ name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }] }],
    });
    expect(wire.warnings).toEqual([{ type: 'compat', param: 'schema', detail: expect.stringContaining('$schema, additionalProperties') }]);
  });

  it('warns about what it cannot send', () => {
    const wire = adapter.toRequest({ messages: [{ role: 'user', content: 'x' }], logit_bias: { 1: 1 }, temperature: 3, reasoning_effort: 'low', custom_flag: true }, context);
    expect(wire.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(wire.warnings.map((warning) => `${warning.type}:${warning.param}`)).toEqual([
      'unsupported:logit_bias',
      'clamped:temperature',
      'unsupported:custom_flag',
      'compat:reasoning_effort',
    ]);
    expect(wire.body.generationConfig).toEqual({ temperature: 2, thinkingConfig: { thinkingBudget: 1024 } });
  });

  it('sends a candidate param it does not know as written', () => {
    const wire = adapter.toRequest({ messages: [{ role: 'user', content: 'x' }], safetySettings: [] }, { ...context, rawParamKeys: new Set(['safetySettings']) });
    expect(wire.body.safetySettings).toEqual([]);
    expect(wire.warnings).toEqual([]);
  });
});

describe('fromResponse (Gemini, recorded bodies)', () => {
  it('reads text, thinking tokens as output and the model version', () => {
    const response = adapter.fromResponse(readJsonFixture('gemini', 'text.json'));
    expect(response.text).toMatch(/3\*\* r's in strawberry/);
    expect(response).toMatchObject({ finishReason: 'stop', rawFinishReason: 'STOP', servedModel: 'gemini-3-pro-preview', responseId: 'Un6LacrVMcjUxs0PmJfWoQc' });
    expect(response.usage).toEqual({ input_tokens: 9, output_tokens: 28 + 244, reasoning_tokens: 244 });
  });

  it('reads a function call and maps STOP to tool_calls', () => {
    const response = adapter.fromResponse(readJsonFixture('gemini', 'tool-call.json'));
    expect(response.finishReason).toBe('tool_calls');
    expect(response.toolCalls[0]).toMatchObject({ name: 'weather', arguments: expect.any(Object) });
  });

  it('reads implicit caching and thought summaries', () => {
    expect(adapter.fromResponse(readJsonFixture('gemini', 'implicit-caching.json')).usage).toEqual({
      input_tokens: 12013,
      output_tokens: 15 + 73,
      cached_input_tokens: 11243,
      reasoning_tokens: 73,
    });
    const thought = adapter.fromResponse(readJsonFixture('gemini', 'thought-summary.json'));
    expect(thought.reasoning).toBeTruthy();
    expect(thought.text).not.toContain(thought.reasoning!);
  });

  it('treats a blocked prompt (200, no candidates) and a SAFETY finish as content-filter outcomes', () => {
    expect(adapter.isErrorBody(readJsonFixture('gemini', 'prompt-blocked.json'))).toBe(false);
    expect(adapter.fromResponse(readJsonFixture('gemini', 'prompt-blocked.json'))).toMatchObject({ finishReason: 'content_filter', rawFinishReason: 'SAFETY', text: '' });
    expect(adapter.fromResponse(readJsonFixture('gemini', 'finish-safety.json'))).toMatchObject({ finishReason: 'content_filter', rawFinishReason: 'SAFETY' });
  });

  it('rejects a body with neither candidates nor a block reason', () => {
    expect(() => adapter.fromResponse({ usageMetadata: {} })).toThrow(/no candidates/);
  });
});

describe('fromStreamEvent (Gemini, recorded streams)', () => {
  it('assembles a raw SSE stream', async () => {
    const { accumulator } = await foldSse(adapter, readFixture('gemini', 'stream-basic.sse.txt'));
    expect(accumulator.done).toBe(true);
    expect(finishStream(accumulator)).toMatchObject({ text: 'The capital of Wyoming is **Cheyenne**.\n', finishReason: 'stop', usage: { input_tokens: 7, output_tokens: 10 } });
  });

  it('assembles text and a function call from event lines', async () => {
    const text = await foldSse(adapter, chunksToSse(readFixture('gemini', 'text.chunks.txt')));
    expect(finishStream(text.accumulator).finishReason).toBe('stop');
    const tool = await foldSse(adapter, chunksToSse(readFixture('gemini', 'tool-call.chunks.txt')));
    expect(finishStream(tool.accumulator)).toMatchObject({ finishReason: 'tool_calls', toolCalls: [{ name: 'weather', arguments: { location: 'San Francisco' } }] });
  });

  it("assembles Vertex's streamed function-call arguments (partialArgs) into whole calls", async () => {
    const { accumulator } = await foldSse(adapter, chunksToSse(readFixture('gemini', 'vertex-stream-partial-args.chunks.txt')));
    const answer = finishStream(accumulator);
    expect(answer.toolCalls.map((call) => [call.name, call.arguments])).toEqual([
      ['getWeather', { location: 'Boston' }],
      ['getWeather', { location: 'San Francisco' }],
    ]);
    expect(answer.finishReason).toBe('tool_calls');
  });

  it('ends a streamed blocked prompt as a content-filter outcome', async () => {
    const { accumulator } = await foldSse(adapter, readFixture('gemini', 'stream-prompt-blocked.sse.txt'));
    expect(accumulator.done).toBe(true);
    expect(finishStream(accumulator).finishReason).toBe('content_filter');
  });
});

describe('classifyError (Gemini)', () => {
  it('takes retryAfterMs from RetryInfo on RESOURCE_EXHAUSTED', () => {
    expect(adapter.classifyError(failure(429, readJsonFixture('gemini', 'error-429-retry-info.json')))).toMatchObject({
      kind: 'rate_limited',
      retryable: true,
      retryAfterMs: 34_400,
      providerCode: 'RESOURCE_EXHAUSTED',
    });
    expect(adapter.classifyError(failure(429, readJsonFixture('gemini', 'error-429-quota.json')))).toMatchObject({ kind: 'rate_limited', retryable: true });
  });

  it('makes a per-day quota not retryable', () => {
    const body = { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota', details: [{ '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }] }] } };
    expect(adapter.classifyError(failure(429, body))).toMatchObject({ kind: 'rate_limited', retryable: false });
  });

  it('maps invalid argument, API_KEY_INVALID, service disabled, UNAVAILABLE and context length', () => {
    expect(adapter.classifyError(failure(400, readJsonFixture('gemini', 'error-400-invalid-argument.json'))).kind).toBe('bad_request');
    expect(adapter.classifyError(failure(400, readJsonFixture('gemini', 'error-400-api-key.json')))).toMatchObject({ kind: 'auth', retryable: false });
    expect(adapter.classifyError(failure(403, readJsonFixture('gemini', 'error-403-service-disabled.json'))).kind).toBe('auth');
    expect(adapter.classifyError(failure(503, { error: { code: 503, status: 'UNAVAILABLE', message: 'The model is overloaded.' } }))).toMatchObject({ kind: 'overloaded', retryable: true });
    const context = { error: { code: 400, status: 'INVALID_ARGUMENT', message: 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).' } };
    expect(adapter.classifyError(failure(400, context)).kind).toBe('context_length');
  });

  it('classifies the bare error object appended to a 200 stream by its status (CANCELLED)', () => {
    const text = readFixture('gemini', 'stream-error-mid-stream.sse.txt');
    const body: unknown = JSON.parse(text.slice(text.indexOf('\n{') + 1));
    expect(adapter.classifyError(failure(undefined, body))).toMatchObject({ kind: 'network', status: 499, providerCode: 'CANCELLED', retryable: true });
  });
});
