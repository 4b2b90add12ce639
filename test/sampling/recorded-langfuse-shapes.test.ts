/**
 * Recorded Langfuse GENERATION records of framework instrumentations (langfuse/langfuse framework
 * traces, provenance in test/fixtures/logs/recorded/README.md) through the real reader: each request
 * must be a valid dataset request with the right messages and tools.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetLineSchema } from '../../src/config/dataset-schema.js';
import { isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { sampleLogs } from '../../src/sampling/index.js';
import { createTempDir, FIXTURES, options, writeLog } from './helpers.js';

const RECORDED = join(FIXTURES, 'recorded');

async function sampleOne(file: string) {
  const result = await sampleLogs(options([file], { n: 100 }));
  expect(result.inputs[0]!.format).toBe('langfuse');
  expect(result.cases).toHaveLength(1);
  const [sampled] = result.cases;
  // What `chainproof sample` writes must load as a dataset line.
  expect(DatasetLineSchema.safeParse(JSON.parse(JSON.stringify(sampled))).success).toBe(true);
  return sampled!;
}

async function catchError(promise: Promise<unknown>): Promise<UserInputError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!isUserInputError(error)) throw new Error(`expected a UserInputError, got ${String(error)}`);
  return error;
}

function generation(input: unknown, extra: Record<string, unknown> = {}) {
  return { id: 'g1', traceId: 't1', type: 'GENERATION', startTime: '2025-08-22T09:38:57.089Z', input, output: 'ok', ...extra };
}

describe('LangGraph (LangChain callback) generation', () => {
  it('lifts additional_kwargs.tool_calls, turns the tool-definition message into tools and the tool result into JSON text', async () => {
    const sampled = await sampleOne(join(RECORDED, 'langfuse-langgraph.jsonl'));
    const { messages, tools, temperature } = sampled.request;
    expect(messages.map((message) => message.role)).toEqual(['user', 'user', 'assistant', 'tool']);
    expect(messages[2]).toEqual({
      role: 'assistant',
      content: '',
      tool_calls: [{ id: 'call_1oGK863sxQHlPreFhDdEs3yl', type: 'function', function: { name: 'Web-Search', arguments: '{"query":"example"}' } }],
    });
    expect(messages[3]).toEqual({ role: 'tool', tool_call_id: 'call_1oGK863sxQHlPreFhDdEs3yl', content: '[{"url":"https://example.com","title":"Example Result","q":"example"}]' });
    expect(tools).toEqual([{
      type: 'function',
      function: { name: 'Web-Search', description: 'Dummy web search tool.', parameters: { properties: { query: { type: 'string' } }, required: ['query'], type: 'object' } },
    }]);
    expect(temperature).toBe(0);
    expect(sampled.expect?.reference).toMatch(/^The search for "example" primarily leads/);
  });

  it('rejects tool calls logged in both places, naming the field', async () => {
    const call = { id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } };
    const file = writeLog(createTempDir(), 'lc.jsonl', [generation([{ role: 'user', content: 'hi' }, { role: 'assistant', content: '', tool_calls: [call], additional_kwargs: { tool_calls: [call] } }])]);
    const error = await catchError(sampleLogs(options([file])));
    expect(error.location).toMatchObject({ file, line: 1, path: 'input[1].additional_kwargs.tool_calls' });
    expect(error.message).toContain('tool calls in one place');
  });
});

describe('OpenTelemetry GenAI messages with parts (pydantic-ai)', () => {
  it('text parts become content, tool_call parts tool_calls, tool_call_response parts tool messages; tools come from model_request_parameters', async () => {
    const sampled = await sampleOne(join(RECORDED, 'langfuse-pydantic-ai.jsonl'));
    const { messages, tools } = sampled.request;
    expect(messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'tool', 'tool', 'tool']);
    expect(messages[1]).toEqual({ role: 'user', content: "Select and call THREE of the available tools to get joke suggestions about 'programming'." });
    expect(messages[2]!.content).toBeNull();
    expect(messages[2]!.tool_calls!.map((call) => [call.id, call.function.name, call.function.arguments])).toEqual([
      ['call_X0OSgjUukT5inyEQvuZQnHrk', 'get_pun_suggestion', '{"topic":"programming"}'],
      ['call_WxZcCvSDhGT4RJHlcU01k10x', 'get_dad_joke_suggestion', '{"topic":"programming"}'],
      ['call_aRaObiWKKt6GzgDkkUl3bu1Q', 'get_one_liner_suggestion', '{"topic":"programming"}'],
    ]);
    expect(messages[3]).toEqual({ role: 'tool', tool_call_id: 'call_X0OSgjUukT5inyEQvuZQnHrk', content: "Pun idea: Play on words related to 'programming' - think about homophones or double meanings" });
    expect(tools!.map((tool) => tool.function.name)).toEqual(['get_pun_suggestion', 'get_dad_joke_suggestion', 'get_one_liner_suggestion', 'get_car_joke_suggestion', 'get_tree_joke_suggestion']);
    expect(tools![0]!.function).toMatchObject({ description: 'Get a pun-style joke suggestion for the given topic.', strict: true, parameters: { required: ['topic'] } });
    expect(sampled.request.temperature).toBe(0.7);
    expect(sampled.expect?.reference).toMatch(/^I gathered some great ideas/);
  });

  it('reads the microsoft agent framework\'s [run id, call id] tool-call ids as the call id, on the call and its result alike', async () => {
    const file = join(RECORDED, 'langfuse-microsoft-agent.jsonl');
    const [sampled] = (await sampleLogs(options([file]))).cases;
    const messages = sampled!.request.messages;
    const call = messages.find((message) => message.tool_calls !== undefined)!;
    expect(call.tool_calls![0]).toMatchObject({ id: 'call_Sz1QP8T7fuJkIECGDLFWOorq', function: { name: 'get_weather' } });
    expect(JSON.parse(call.tool_calls![0]!.function.arguments)).toEqual({ location: 'Portland' });
    expect(messages.find((message) => message.role === 'tool')).toMatchObject({ tool_call_id: 'call_Sz1QP8T7fuJkIECGDLFWOorq', content: 'The weather in Portland is stormy with a high of 19°C.' });
    const dir = createTempDir();
    const bad = writeLog(dir, 'bad-id.jsonl', [generation([{ role: 'assistant', parts: [{ type: 'tool_call', id: [1, 2], name: 'f', arguments: {} }] }])]);
    const error = await catchError(sampleLogs(options([bad])));
    expect(error.location).toMatchObject({ file: bad, line: 1, path: 'input[0].parts[0].id' });
  });

  it('takes gen_ai.tool.definitions as tools and rejects parts it cannot map', async () => {
    const tool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } };
    const dir = createTempDir();
    const ok = writeLog(dir, 'otel.jsonl', [generation([{ role: 'user', parts: [{ type: 'text', content: 'a' }, { type: 'text', content: 'b' }] }], { metadata: { attributes: { 'gen_ai.tool.definitions': [tool] } } })]);
    const sampled = await sampleOne(ok);
    expect(sampled.request).toEqual({ messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }], tools: [tool] });
    const bad = writeLog(dir, 'blob.jsonl', [generation([{ role: 'user', parts: [{ type: 'blob', modality: 'image', content: 'AAAA' }] }])]);
    const error = await catchError(sampleLogs(options([bad])));
    expect(error.location).toMatchObject({ file: bad, line: 1, path: 'input[0].parts[0]' });
    expect(error.message).toContain('got type "blob" in a user message');
  });
});

describe('LlamaIndex (OpenInference) {args, kwargs} input', () => {
  it('one positional prompt becomes a user message; LlamaIndex-only modelParameters are dropped', async () => {
    const sampled = await sampleOne(join(RECORDED, 'langfuse-llamaindex.jsonl'));
    expect(sampled.request).toEqual({ messages: [{ role: 'user', content: 'What is Langfuse?' }] });
    expect(sampled.expect?.reference).toMatch(/^Langfuse is a tool designed/);
  });

  it('a message list under kwargs.messages is read as messages; two prompts are rejected', async () => {
    const dir = createTempDir();
    const ok = writeLog(dir, 'chat.jsonl', [generation({ kwargs: { messages: [{ role: 'user', content: 'hi' }] } })]);
    expect((await sampleOne(ok)).request).toEqual({ messages: [{ role: 'user', content: 'hi' }] });
    const bad = writeLog(dir, 'two.jsonl', [generation({ args: ['a'], kwargs: { prompt: 'b' } })]);
    const error = await catchError(sampleLogs(options([bad])));
    expect(error.location).toMatchObject({ file: bad, line: 1, path: 'input.args' });
    expect(error.message).toContain('got 2 argument(s)');
  });
});
