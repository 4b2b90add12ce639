import { describe, expect, it } from 'vitest';
import type { HttpFailure } from '../../src/providers/adapter.js';
import { findCapabilityGaps } from '../../src/core/capability-gaps.js';
import { createAnthropicAdapter } from '../../src/providers/anthropic/anthropic-adapter.js';
import { chunksToSse, finishStream, foldSse, readFixture, readJsonFixture } from './helpers/fixtures.js';

const adapter = createAnthropicAdapter();
const context = { model: 'claude-haiku-4-5', stream: false, rawParamKeys: new Set<string>() };

function failure(status: number | undefined, body: unknown, headers: Record<string, string> = {}): HttpFailure {
  const out: HttpFailure = { headers, body, text: body === undefined ? '' : JSON.stringify(body), receivedAt: Date.parse('2026-01-01T00:00:00Z') };
  if (status !== undefined) out.status = status;
  return out;
}

describe('toRequest (Anthropic)', () => {
  it('sends PDFs and text files as document blocks (a PDF data URL in image_url too), and says when a part cannot go', () => {
    const pdf = 'data:application/pdf;base64,JVBERi0xLjQK';
    const wire = adapter.toRequest(
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'file', file: { filename: 'invoice.pdf', file_data: pdf } },
              { type: 'image_url', image_url: { url: pdf } },
              { type: 'file', file: { file_id: 'file-abc123' } },
              { type: 'file', file: { filename: 'notes.txt', file_data: 'data:text/plain;base64,aGVsbG8=' } },
              { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
            ],
          },
        ],
        max_tokens: 50,
      },
      context,
    );
    const document = { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQK' } };
    const text = { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'hello' } };
    expect((wire.body as { messages: Array<{ content: unknown[] }> }).messages[0]!.content).toEqual([document, document, text]);
    expect(wire.warnings).toContainEqual({ type: 'unsupported', param: 'messages', detail: 'content part of type "input_audio" dropped' });
    expect(wire.warnings).toContainEqual({ type: 'unsupported', param: 'messages', detail: 'content part of type "file" dropped' });
  });

  it('moves system text top-level, merges same-role turns, defaults max_tokens, clamps temperature and drops seed, all with warnings', () => {
    const wire = adapter.toRequest(
      {
        messages: [
          { role: 'system', content: 'Be terse.' },
          { role: 'developer', content: 'Answer in English.' },
          { role: 'user', content: 'Hello' },
          { role: 'user', content: [{ type: 'text', text: 'Look:' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0=' } }] },
        ],
        temperature: 1.5,
        seed: 7,
        stop: 'END',
      },
      context,
    );
    expect(wire.path).toBe('/v1/messages');
    expect(wire.headers).toEqual({ 'anthropic-version': '2023-06-01' });
    expect(wire.body).toEqual({
      model: 'claude-haiku-4-5',
      system: 'Be terse.\n\nAnswer in English.',
      temperature: 1,
      stop_sequences: ['END'],
      max_tokens: 4096,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Hello' },
            { type: 'text', text: 'Look:' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0=' } },
          ],
        },
      ],
    });
    expect(wire.warnings.map((warning) => `${warning.type}:${warning.param}`).sort()).toEqual(
      ['clamped:temperature', 'compat:messages', 'defaulted:max_tokens', 'unsupported:seed'].sort(),
    );
  });

  it('maps tools, tool_choice, tool calls and tool results both ways', () => {
    const wire = adapter.toRequest(
      {
        messages: [
          { role: 'user', content: 'Weather?' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } }] },
          { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
        ],
        tools: [{ type: 'function', function: { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
        tool_choice: 'required',
        max_tokens: 100,
        parallel_tool_calls: false,
      },
      context,
    );
    expect(wire.body.tools).toEqual([{ name: 'weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }]);
    expect(wire.body.tool_choice).toEqual({ type: 'any', disable_parallel_tool_use: true });
    expect(wire.body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Paris' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_1', content: 'sunny' }] },
    ]);
    expect(wire.warnings).toEqual([]);
  });

  it('sends json_schema as a forced tool and reads its input back as the answer', () => {
    const schema = { type: 'object', properties: { a: { type: 'number' } } };
    const wire = adapter.toRequest(
      { messages: [{ role: 'user', content: 'x' }], max_tokens: 50, response_format: { type: 'json_schema', json_schema: { name: 'out', schema } } },
      context,
    );
    expect(wire.body.tool_choice).toEqual({ type: 'tool', name: 'chainproof_json_response' });
    expect(wire.warnings).toContainEqual(expect.objectContaining({ type: 'compat', param: 'response_format' }));
    const response = adapter.fromResponse({
      content: [{ type: 'tool_use', id: 't', name: 'chainproof_json_response', input: { a: 1 } }],
      stop_reason: 'tool_use',
    });
    expect(response).toMatchObject({ text: '{"a":1}', toolCalls: [], finishReason: 'stop', rawFinishReason: 'tool_use' });
  });

  it('maps reasoning_effort to a thinking budget below max_tokens and drops temperature', () => {
    const wire = adapter.toRequest({ messages: [{ role: 'user', content: 'x' }], max_tokens: 5000, reasoning_effort: 'medium', temperature: 0.2 }, context);
    expect(wire.body.thinking).toEqual({ type: 'enabled', budget_tokens: 4999 });
    expect(wire.body.temperature).toBeUndefined();
    expect(wire.warnings.map((warning) => warning.param)).toEqual(['reasoning_effort', 'temperature']);
  });
});

describe('forced tools with thinking (Anthropic refuses tool_choice forcing a tool while thinking)', () => {
  const schema = { type: 'object', properties: { a: { type: 'number' } }, required: ['a'] };

  it('asks for json_schema in the system prompt instead of a forced tool, keeps thinking and flags the gap', () => {
    const wire = adapter.toRequest(
      {
        messages: [{ role: 'system', content: 'Be exact.' }, { role: 'user', content: 'x' }],
        max_tokens: 5000,
        reasoning_effort: 'low',
        response_format: { type: 'json_schema', json_schema: { name: 'out', schema } },
      },
      context,
    );
    expect(wire.body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(wire.body.tools).toBeUndefined();
    expect(wire.body.tool_choice).toBeUndefined();
    expect(wire.body.system).toBe(`Be exact.\n\nRespond with a single JSON object matching this JSON Schema:\n${JSON.stringify(schema)}\nOutput only the JSON, no prose or code fences.`);
    expect(wire.warnings).toContainEqual({
      type: 'compat',
      param: 'response_format',
      detail: 'json_schema not enforced: Anthropic refuses a forced tool while thinking is enabled; asked for in the system prompt instead',
    });
    expect(findCapabilityGaps(wire.warnings)).toEqual(['response_format']);
  });

  it('does the same when thinking comes from the candidate params', () => {
    const wire = adapter.toRequest(
      { messages: [{ role: 'user', content: 'x' }], max_tokens: 5000, thinking: { type: 'enabled', budget_tokens: 1024 }, response_format: { type: 'json_schema', json_schema: { name: 'out', schema } } },
      { ...context, rawParamKeys: new Set(['thinking']) },
    );
    expect(wire.body.tool_choice).toBeUndefined();
    expect(wire.warnings.map((warning) => warning.detail)).toContainEqual(expect.stringContaining('not enforced'));
  });

  it('sends a forcing tool_choice as auto with thinking on, as an unsupported warning', () => {
    const tools = [{ type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object' } } }];
    const wire = adapter.toRequest(
      { messages: [{ role: 'user', content: 'x' }], max_tokens: 5000, reasoning_effort: 'low', tools, tool_choice: { type: 'function', function: { name: 'lookup' } }, parallel_tool_calls: false },
      context,
    );
    expect(wire.body.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
    expect(wire.warnings).toContainEqual({ type: 'unsupported', param: 'tool_choice', detail: 'tool_choice not enforced: Anthropic refuses a forced tool while thinking is enabled; sent as auto' });
    expect(findCapabilityGaps(wire.warnings)).toEqual(['tools']);
  });

  it('still forces the JSON tool when thinking is off', () => {
    const wire = adapter.toRequest({ messages: [{ role: 'user', content: 'x' }], max_tokens: 500, reasoning_effort: 'low', response_format: { type: 'json_schema', json_schema: { name: 'out', schema } } }, context);
    // max_tokens 500 leaves no room for thinking, so the forced tool is allowed.
    expect(wire.body.thinking).toBeUndefined();
    expect(wire.body.tool_choice).toEqual({ type: 'tool', name: 'chainproof_json_response' });
  });
});

describe('fromResponse (Anthropic, recorded bodies)', () => {
  it('reads text, usage and served model', () => {
    const response = adapter.fromResponse(readJsonFixture('anthropic', 'text.json'));
    expect(response).toMatchObject({ finishReason: 'stop', rawFinishReason: 'end_turn', servedModel: 'claude-sonnet-4-5-20250929' });
    expect(response.text).toMatch(/^Hello!/);
    expect(response.usage).toEqual({ input_tokens: 12, output_tokens: 29, cached_input_tokens: 0, cache_write_input_tokens: 0 });
  });

  it('reads a text block then a tool call with empty input', () => {
    const response = adapter.fromResponse(readJsonFixture('anthropic', 'tool-no-args.json'));
    expect(response.finishReason).toBe('tool_calls');
    expect(response.toolCalls).toEqual([{ id: 'toolu_01LRmxn9vGM1d2DZSDBowdZ1', name: 'updateIssueList', arguments: {}, rawArguments: '{}' }]);
  });

  it('maps max_tokens to length and reads thinking with its token count', () => {
    expect(adapter.fromResponse(readJsonFixture('anthropic', 'max-tokens.json')).finishReason).toBe('length');
    const thinking = adapter.fromResponse(readJsonFixture('anthropic', 'thinking.json'));
    expect(thinking.reasoning).toBeTruthy();
    expect(thinking.usage.reasoning_tokens).toBe(139);
  });

  it('reads a refusal (hand-written upstream fixture) as a content-filter outcome', () => {
    const response = adapter.fromResponse(readJsonFixture('anthropic', 'refusal.hand-written.json'));
    expect(response.finishReason).toBe('content_filter');
    expect(response.refusal).toMatch(/Usage Policy/);
  });
});

describe('fromStreamEvent (Anthropic, recorded streams)', () => {
  it('assembles text with usage from message_start and message_delta', async () => {
    const { accumulator } = await foldSse(adapter, chunksToSse(readFixture('anthropic', 'text.chunks.txt'), false, true));
    expect(accumulator.done).toBe(true);
    const response = finishStream(accumulator);
    expect(response.text).toBe("Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?");
    expect(response.usage).toEqual({ input_tokens: 12, output_tokens: 30, cached_input_tokens: 0, cache_write_input_tokens: 0 });
    expect(response.finishReason).toBe('stop');
  });

  it('counts cache reads inside input tokens', async () => {
    const { accumulator } = await foldSse(adapter, chunksToSse(readFixture('anthropic', 'cache-read.chunks.txt'), false, true));
    const usage = finishStream(accumulator).usage;
    expect(usage.cached_input_tokens).toBe(18639);
    expect(usage.input_tokens).toBeGreaterThanOrEqual(18639);
  });

  it('counts cache writes inside input tokens, apart from cache reads', async () => {
    const { accumulator } = await foldSse(adapter, chunksToSse(readFixture('anthropic', 'cache-write.chunks.txt'), false, true));
    expect(finishStream(accumulator).usage).toEqual({ input_tokens: 3 + 18639, output_tokens: 1, cached_input_tokens: 0, cache_write_input_tokens: 18639 });
  });

  it('joins input_json_delta fragments with escaped quotes into tool arguments', async () => {
    const { accumulator } = await foldSse(adapter, chunksToSse(readFixture('anthropic', 'quoted-tool-input.chunks.txt'), false, true));
    const [call] = finishStream(accumulator).toolCalls;
    expect(call?.name).toBe('website_update');
    expect(JSON.stringify(call?.arguments)).toContain('\\"What should I do next after this run?\\"');
  });

  it('reads raw SSE framing with event names and padded JSON', async () => {
    const { accumulator } = await foldSse(adapter, readFixture('anthropic', 'tool.raw-sse.txt'));
    expect(accumulator.done).toBe(true);
    expect(finishStream(accumulator).toolCalls.length).toBeGreaterThan(0);
  });

  it('reads streamed thinking and thinking tokens', async () => {
    const { accumulator } = await foldSse(adapter, chunksToSse(readFixture('anthropic', 'thinking-summarized.chunks.txt'), false, true));
    const response = finishStream(accumulator);
    expect(response.reasoning).toBeTruthy();
    expect(response.usage.reasoning_tokens).toBe(62);
  });

  it('reads a streamed refusal', async () => {
    const { accumulator } = await foldSse(adapter, chunksToSse(readFixture('anthropic', 'refusal.hand-written.chunks.txt'), false, true));
    expect(finishStream(accumulator)).toMatchObject({ finishReason: 'content_filter', rawFinishReason: 'refusal' });
  });

  it('returns an in-stream overloaded_error for classification as overloaded', async () => {
    const sse =
      'event: message_start\ndata: {"type":"message_start","message":{"id":"m","model":"claude","usage":{"input_tokens":5,"output_tokens":1}}}\n\n' +
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Part"}}\n\n' +
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
    const { accumulator, errorBody } = await foldSse(adapter, sse);
    expect(accumulator.text).toBe('Part');
    expect(adapter.classifyError(failure(undefined, errorBody))).toMatchObject({ kind: 'overloaded', retryable: true, providerCode: 'overloaded_error' });
  });
});

describe('classifyError (Anthropic)', () => {
  it('maps the recorded invalid_request_error to bad_request', () => {
    expect(adapter.classifyError(failure(400, readJsonFixture('anthropic', 'error-400-invalid-request.json')))).toMatchObject({
      kind: 'bad_request',
      retryable: false,
      providerCode: 'invalid_request_error',
    });
  });

  it('maps 529 overloaded, 429 with retry-after, context length, auth and billing', () => {
    expect(adapter.classifyError(failure(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }))).toMatchObject({ kind: 'overloaded', status: 529, retryable: true });
    expect(adapter.classifyError(failure(429, { type: 'error', error: { type: 'rate_limit_error', message: 'slow' } }, { 'retry-after': '7' }))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    const reset = adapter.classifyError(
      failure(429, { type: 'error', error: { type: 'rate_limit_error', message: 'slow' } }, {
        'anthropic-ratelimit-tokens-remaining': '0',
        'anthropic-ratelimit-tokens-reset': '2026-01-01T00:00:30Z',
      }),
    );
    expect(reset.retryAfterMs).toBe(30_000);
    expect(adapter.classifyError(failure(400, { type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 210000 tokens > 200000 maximum' } })).kind).toBe('context_length');
    expect(adapter.classifyError(failure(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } })).kind).toBe('auth');
    expect(adapter.classifyError(failure(402, { type: 'error', error: { type: 'billing_error', message: 'no credit' } }))).toMatchObject({ kind: 'rate_limited', retryable: false });
  });
});
