import { describe, expect, it } from 'vitest';
import type { CanonicalRequest } from '../../src/core/types.js';
import type { HttpFailure } from '../../src/providers/adapter.js';
import { createOpenAIAdapter } from '../../src/providers/openai/openai-adapter.js';
import { COMPATIBLE_PRESETS } from '../../src/providers/presets/index.js';
import { toMistralToolCallId } from '../../src/providers/presets/mistral-preset.js';
import { chunksToSse, finishStream, foldSse, readFixture, readJsonFixture } from './helpers/fixtures.js';

const context = { model: 'm', stream: false, rawParamKeys: new Set<string>() };
const adapterFor = (name: keyof typeof COMPATIBLE_PRESETS) => createOpenAIAdapter(COMPATIBLE_PRESETS[name]);

function failure(status: number, body: unknown): HttpFailure {
  return { status, headers: {}, body, text: JSON.stringify(body), receivedAt: 0 };
}

/** OpenRouter recorder JSONL → raw SSE, comments included. */
function openRouterJsonlToSse(jsonl: string): string {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { comment?: string; json?: unknown; text?: string })
    .map((entry) => (entry.comment !== undefined ? entry.comment : entry.json !== undefined ? `data: ${JSON.stringify(entry.json)}\n\n` : entry.text !== undefined ? `data: ${entry.text}\n\n` : ''))
    .join('');
}

describe('every compatible preset', () => {
  it('renames max_completion_tokens to max_tokens and the developer role to system, with warnings', () => {
    for (const name of Object.keys(COMPATIBLE_PRESETS) as Array<keyof typeof COMPATIBLE_PRESETS>) {
      const wire = adapterFor(name).toRequest({ messages: [{ role: 'developer', content: 'rules' }, { role: 'user', content: 'hi' }], max_completion_tokens: 10 }, context);
      expect(wire.body.max_tokens, name).toBe(10);
      expect(wire.body.max_completion_tokens, name).toBeUndefined();
      expect((wire.body.messages as Array<{ role: string }>)[0]!.role, name).toBe('system');
      expect(wire.warnings.map((warning) => warning.type), name).toEqual(expect.arrayContaining(['compat']));
    }
  });
});

describe('DeepSeek', () => {
  const adapter = adapterFor('deepseek');
  it('downgrades json_schema to json_object and adds the word json when the prompt lacks it', () => {
    const request: CanonicalRequest = { messages: [{ role: 'user', content: 'List three colours.' }], response_format: { type: 'json_schema', json_schema: { name: 'c', schema: { type: 'object' } } } };
    const wire = adapter.toRequest(request, context);
    expect(wire.body.response_format).toEqual({ type: 'json_object' });
    const system = (wire.body.messages as Array<{ role: string; content: string }>)[0]!;
    expect(system.role).toBe('system');
    expect(system.content).toMatch(/JSON Schema/);
    expect(wire.warnings.map((warning) => warning.param)).toEqual(['response_format']);
  });

  it('leaves a prompt that already says json alone', () => {
    const wire = adapter.toRequest({ messages: [{ role: 'user', content: 'Answer in JSON: colours' }], response_format: { type: 'json_object' } }, context);
    expect(wire.body.messages).toEqual([{ role: 'user', content: 'Answer in JSON: colours' }]);
    expect(wire.warnings).toEqual([]);
  });

  it('drops reasoning_content from assistant turns in the history, with a warning', () => {
    const answer = adapter.fromResponse(readJsonFixture('deepseek', 'reasoning.json'));
    expect(answer.reasoning).toBeTruthy();
    const history: CanonicalRequest = {
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: answer.text, reasoning_content: answer.reasoning },
        { role: 'user', content: 'second' },
      ],
    };
    const wire = adapter.toRequest(history, { ...context, model: 'deepseek-reasoner' });
    expect(wire.body.messages).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: answer.text },
      { role: 'user', content: 'second' },
    ]);
    expect(wire.warnings).toEqual([
      { type: 'unsupported', param: 'messages', detail: 'reasoning_content dropped from 1 assistant turn(s): DeepSeek rejects it in the conversation history (400)' },
    ]);
    expect(history.messages[1]!.reasoning_content).toBe(answer.reasoning);
    expect(adapter.toRequest({ messages: [{ role: 'user', content: 'x' }] }, context).warnings).toEqual([]);
  });

  it('reads the recorded cache-hit, reasoning and length answers', () => {
    expect(adapter.fromResponse(readJsonFixture('deepseek', 'text-length.json'))).toMatchObject({ finishReason: 'length', usage: { input_tokens: 13, output_tokens: 300, cached_input_tokens: 0 } });
    expect(adapter.fromResponse(readJsonFixture('deepseek', 'tool-call.json')).usage).toEqual({ input_tokens: 339, output_tokens: 92, cached_input_tokens: 320, reasoning_tokens: 48 });
    expect(adapter.fromResponse(readJsonFixture('deepseek', 'reasoning.json')).reasoning).toBeTruthy();
  });
});

describe('Mistral', () => {
  const adapter = adapterFor('mistral');
  it('rewrites tool-call ids to 9 characters consistently, renames seed and marks a final assistant turn as prefix', () => {
    const wire = adapter.toRequest(
      {
        messages: [
          { role: 'user', content: 'weather?' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'call_abc123xyz', type: 'function', function: { name: 'w', arguments: '{}' } }] },
          { role: 'tool', tool_call_id: 'call_abc123xyz', content: 'sunny' },
          { role: 'assistant', content: 'It is' },
        ],
        seed: 3,
      },
      { ...context, stream: true },
    );
    const messages = wire.body.messages as Array<Record<string, unknown>>;
    const id = (messages[1]!.tool_calls as Array<{ id: string }>)[0]!.id;
    expect(id).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(messages[2]!.tool_call_id).toBe(id);
    expect(id).toBe(toMistralToolCallId('call_abc123xyz'));
    expect(messages[3]).toMatchObject({ role: 'assistant', prefix: true });
    expect(wire.body.random_seed).toBe(3);
    expect(wire.body.seed).toBeUndefined();
    expect(wire.body.stream_options).toBeUndefined();
    expect(wire.warnings.map((warning) => warning.param).sort()).toEqual(['messages', 'messages', 'seed']);
  });

  it('reads 9-character tool-call ids and content arrays with thinking', () => {
    expect(adapter.fromResponse(readJsonFixture('mistral', 'tool-call.json')).toolCalls[0]).toMatchObject({ id: 'gSIMJiOkT', name: 'weather', arguments: { location: 'San Francisco' } });
    const reasoning = adapter.fromResponse(readJsonFixture('mistral', 'reasoning-content-array.json'));
    expect(reasoning.text).toBe('391');
    expect(reasoning.reasoning).toMatch(/^Okay, I need to calculate/);
  });

  it('streams thinking parts as reasoning, not as answer text', async () => {
    const { accumulator } = await foldSse(adapter, chunksToSse(readFixture('mistral', 'thinking.chunks.txt'), true));
    const response = finishStream(accumulator);
    expect(response.reasoning).toMatch(/^Okay, the user is/);
    expect(response.text).not.toContain('Okay, the');
  });

  it('maps a code-less "too large for model" error to context_length', () => {
    const body = { object: 'error', message: 'Prompt contains 40000 tokens, too large for model with 32768 maximum context length', type: 'invalid_request_error', code: null };
    expect(adapter.classifyError(failure(400, body)).kind).toBe('context_length');
  });
});

describe('Qwen (DashScope)', () => {
  const adapter = adapterFor('qwen');
  it('turns thinking off on a non-streaming call, with a warning', () => {
    const wire = adapter.toRequest({ messages: [{ role: 'user', content: 'x' }], enable_thinking: true }, { ...context, rawParamKeys: new Set(['enable_thinking']) });
    expect(wire.body.enable_thinking).toBe(false);
    expect(wire.warnings).toContainEqual(expect.objectContaining({ param: 'enable_thinking' }));
    const streamed = adapter.toRequest({ messages: [{ role: 'user', content: 'x' }], enable_thinking: true }, { ...context, stream: true });
    expect(streamed.body.enable_thinking).toBe(true);
  });

  it('assembles a tool call whose later deltas repeat an empty id', async () => {
    const { accumulator } = await foldSse(adapter, chunksToSse(readFixture('qwen', 'tool-call.chunks.txt'), true));
    const [call] = finishStream(accumulator).toolCalls;
    expect(call?.id).not.toBe('');
    expect(typeof call?.arguments).toBe('object');
  });

  it('reads reasoning tokens and classifies the recorded invalid_parameter_error', () => {
    expect(adapter.fromResponse(readJsonFixture('qwen', 'reasoning.json')).usage.reasoning_tokens).toBe(496);
    expect(adapter.classifyError(failure(400, readJsonFixture('qwen', 'error-400-invalid-parameter.json')))).toMatchObject({ kind: 'bad_request', providerCode: 'invalid_parameter_error' });
  });
});

describe('Groq', () => {
  const adapter = adapterFor('groq');
  it('drops logprobs, logit_bias, n>1 and message names with warnings', () => {
    const wire = adapter.toRequest({ messages: [{ role: 'user', content: 'x', name: 'ann' }], logprobs: true, logit_bias: { 1: 1 }, n: 2 }, context);
    expect(wire.body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(wire.warnings.map((warning) => `${warning.type}:${warning.param}`)).toEqual(['unsupported:logprobs', 'unsupported:logit_bias', 'unsupported:n', 'unsupported:messages']);
  });

  it('reads the recorded answer and streamed tool call', async () => {
    expect(adapter.fromResponse(readJsonFixture('groq', 'text.json')).usage).toEqual({ input_tokens: 45, output_tokens: 607 });
    const { accumulator } = await foldSse(adapter, chunksToSse(readFixture('groq', 'tool-call.chunks.txt'), true));
    expect(finishStream(accumulator).finishReason).toBe('tool_calls');
  });
});

describe('OpenRouter', () => {
  const adapter = adapterFor('openrouter');
  it('asks providers to honour every parameter unless the candidate routes itself', () => {
    const wire = adapter.toRequest({ messages: [{ role: 'user', content: 'x' }] }, context);
    expect(wire.body.provider).toEqual({ require_parameters: true });
    expect(wire.headers).toEqual({ 'x-title': 'chainproof' });
    const own = adapter.toRequest({ messages: [{ role: 'user', content: 'x' }], provider: { order: ['a'] } }, { ...context, rawParamKeys: new Set(['provider']) });
    expect(own.body.provider).toEqual({ order: ['a'] });
  });

  it('reads a body padded with keep-alive whitespace and the served model', () => {
    const response = adapter.fromResponse(JSON.parse(readFixture('openrouter', 'padded-body.json')));
    expect(response.servedModel).toBe('google/gemini-2.0-flash-001');
  });

  it('skips `: OPENROUTER PROCESSING` comments in a recorded stream', async () => {
    const { accumulator } = await foldSse(adapter, openRouterJsonlToSse(readFixture('openrouter', 'stream.response.jsonl')));
    expect(accumulator.done).toBe(true);
    expect(finishStream(accumulator)).toMatchObject({ finishReason: 'stop', usage: { input_tokens: 1421, output_tokens: 18 }, reportedCostUsd: 0.004533 });
  });

  it('reads the cost OpenRouter reports beside the usage (recorded claude reasoning answer)', () => {
    const response = adapter.fromResponse(readJsonFixture('openrouter', 'claude-reasoning-cost.json'));
    expect(response).toMatchObject({ servedModel: 'anthropic/claude-sonnet-4', reportedCostUsd: 0.001329, usage: { input_tokens: 38, output_tokens: 81, reasoning_tokens: 59 } });
    expect(response.reasoning).toMatch(/^The user has just said "Hello world"/);
  });

  it('adds the upstream charge to the OpenRouter fee for a BYOK call (recorded body, is_byok flipped by hand)', () => {
    const body = readJsonFixture('openrouter', 'claude-reasoning-cost.json') as { usage: Record<string, unknown> };
    body.usage.is_byok = true;
    body.usage.cost = 0.0000665;
    expect(adapter.fromResponse(body).reportedCostUsd).toBeCloseTo(0.0000665 + 0.001329, 12);
  });

  it('reports no cost for a server that does not send one', () => {
    expect(adapterFor('groq').fromResponse(readJsonFixture('groq', 'text.json')).reportedCostUsd).toBeUndefined();
  });

  it('reads the upstream error relayed in metadata.raw', () => {
    const info = adapter.classifyError(failure(400, readJsonFixture('openrouter', 'error-400-upstream.json')));
    expect(info.kind).toBe('bad_request');
    expect(info.message).toContain('media_type');
    const context = { error: { message: 'Provider returned error', code: 400, metadata: { raw: '{"error":{"message":"prompt is too long: 250000 tokens > 200000 maximum"}}' } } };
    expect(adapter.classifyError(failure(400, context)).kind).toBe('context_length');
  });
});
