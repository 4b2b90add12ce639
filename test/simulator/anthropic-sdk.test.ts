import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { compileSchema, isValidJsonFor, ticketSchema, weatherParameters } from './schema-validator.js';

describe('Anthropic Messages through the official @anthropic-ai/sdk', () => {
  let simulator: RunningSimulator;
  let client: Anthropic;

  beforeAll(async () => {
    simulator = await startSimulator({
      latencyScale: 0,
      models: [
        { name: 'claude-sim', simulate: { quality: 1, latency_ms: { p50: 100, p95: 200 }, errors: {} } },
        { name: 'claude-overloaded', simulate: { quality: 1, latency_ms: { p50: 100, p95: 200 }, errors: { overloaded: 1 } } },
        { name: 'claude-json-wrong', simulate: { quality: { json: 0, tool_call: 1 }, latency_ms: { p50: 100, p95: 200 }, errors: {} } },
        { name: 'claude-stream-error', simulate: { quality: 1, latency_ms: { p50: 100, p95: 200 }, errors: { stream_error: 1 } } },
      ],
    });
    client = new Anthropic({ baseURL: simulator.baseUrls.anthropic, apiKey: 'sk-ant-test', maxRetries: 0 });
  });
  afterAll(() => simulator.close());

  it('answers a plain request', async () => {
    const { data, response } = await client.messages.create({ model: 'claude-sim', max_tokens: 512, system: 'Be brief.', messages: [{ role: 'user', content: 'How do refunds work?' }] }).withResponse();
    expect(response.headers.get('request-id')).toMatch(/^req_011C/);
    expect(data.type).toBe('message');
    expect(data.stop_reason).toBe('end_turn');
    expect(data.content[0]!.type === 'text' && data.content[0]!.text.length).toBeGreaterThan(20);
    expect(data.usage.input_tokens).toBe(Math.ceil(('How do refunds work?'.length + 'Be brief.'.length) / 4));
  });

  it('streams the event sequence into a final message', async () => {
    const events: string[] = [];
    const stream = client.messages.stream({ model: 'claude-sim', max_tokens: 1024, messages: [{ role: 'user', content: 'Write a Python function to chunk a list.' }] });
    stream.on('streamEvent', (event) => events.push(event.type));
    const message = await stream.finalMessage();
    expect(events[0]).toBe('message_start');
    expect(events.at(-1)).toBe('message_stop');
    expect(events).toContain('content_block_delta');
    const text = message.content[0]!.type === 'text' ? message.content[0]!.text : '';
    expect(text).toMatch(/```(python|py)\n/);
    expect(message.usage.output_tokens).toBe(Math.ceil(text.length / 4));
  });

  it('calls a tool with input valid for its input_schema, plain and streamed', async () => {
    const validate = compileSchema(weatherParameters);
    const request = { model: 'claude-sim', max_tokens: 256, tools: [{ name: 'get_weather', input_schema: weatherParameters as Anthropic.Tool.InputSchema }], messages: [{ role: 'user' as const, content: 'Weather in Paris?' }] };
    const plain = await client.messages.create(request);
    expect(plain.stop_reason).toBe('tool_use');
    const block = plain.content.find((item) => item.type === 'tool_use');
    expect(block?.type === 'tool_use' && validate(block.input)).toBe(true);
    const streamed = await client.messages.stream({ ...request, messages: [{ role: 'user', content: 'Weather in Rome?' }] }).finalMessage();
    const streamedBlock = streamed.content.find((item) => item.type === 'tool_use');
    expect(streamedBlock?.type === 'tool_use' && validate(streamedBlock.input)).toBe(true);
  });

  it('answers JSON for output_config.format json_schema', async () => {
    const validate = compileSchema(ticketSchema);
    const message = await client.messages.create({
      model: 'claude-sim',
      max_tokens: 512,
      messages: [{ role: 'user', content: 'Extract the ticket.' }],
      output_config: { format: { type: 'json_schema', schema: ticketSchema } },
    });
    expect(isValidJsonFor(validate, message.content[0]!.type === 'text' ? message.content[0]!.text : null)).toBe(true);
  });

  it('answers JSON through a forced JSON tool, scored as a json case', async () => {
    const validate = compileSchema(ticketSchema);
    const ask = (model: string, index: number) =>
      client.messages.create({
        model,
        max_tokens: 512,
        tools: [{ name: 'chainproof_json_response', input_schema: ticketSchema as Anthropic.Tool.InputSchema }],
        tool_choice: { type: 'tool', name: 'chainproof_json_response' },
        messages: [{ role: 'user', content: `Extract ticket ${index}` }],
      });
    for (let index = 0; index < 8; index++) {
      const good = await ask('claude-sim', index);
      const block = good.content.find((item) => item.type === 'tool_use');
      expect(block?.type === 'tool_use' && block.name).toBe('chainproof_json_response');
      expect(block?.type === 'tool_use' && validate(block.input)).toBe(true);
      const bad = await ask('claude-json-wrong', index);
      const badBlock = bad.content.find((item) => item.type === 'tool_use');
      expect(badBlock === undefined || (badBlock.type === 'tool_use' && !validate(badBlock.input))).toBe(true);
    }
    const stats = simulator.stats();
    expect(stats.models['claude-json-wrong']!.wrongAnswers).toBe(8);
  });

  it('rejects a request without max_tokens, and a system role message, as the API does', async () => {
    const raw = (body: unknown) =>
      fetch(`${simulator.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const missing = await raw({ model: 'claude-sim', messages: [{ role: 'user', content: 'hi' }] });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } });
    const system = await raw({ model: 'claude-sim', max_tokens: 10, messages: [{ role: 'system', content: 'hi' }] });
    expect(((await system.json()) as { error: { message: string } }).error.message).toMatch(/top-level `system` parameter/);
    const noVersion = await fetch(`${simulator.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': 'k' }, body: '{}' });
    expect(noVersion.status).toBe(400);
    const noKey = await fetch(`${simulator.url}/v1/messages`, { method: 'POST', headers: { 'anthropic-version': '2023-06-01' }, body: '{}' });
    expect(noKey.status).toBe(401);
  });

  it('sends 529 overloaded_error, which the SDK surfaces as such', async () => {
    const error = await client.messages.create({ model: 'claude-overloaded', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(529);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'overloaded_error' } });
  });

  it('puts an error event inside a 200 stream', async () => {
    const error = await client.messages.stream({ model: 'claude-stream-error', max_tokens: 100, messages: [{ role: 'user', content: 'hi there' }] }).finalMessage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(String((error as Error).message)).toMatch(/overloaded_error|Overloaded/);
  });

  it('lists the models in Anthropic shape', async () => {
    const page = await client.models.list();
    expect(page.data.map((model) => model.id)).toEqual(['claude-sim', 'claude-overloaded', 'claude-json-wrong', 'claude-stream-error']);
    expect(page.data[0]!.type).toBe('model');
  });
});
