import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { compileSchema, isValidJsonFor, ticketSchema, weatherParameters } from './schema-validator.js';

const weatherTool = { type: 'function' as const, function: { name: 'get_weather', parameters: weatherParameters } };

describe('OpenAI chat completions through the official openai SDK', () => {
  let simulator: RunningSimulator;
  let client: OpenAI;

  beforeAll(async () => {
    simulator = await startSimulator({
      latencyScale: 0,
      seed: 1,
      models: [
        { name: 'good', simulate: { quality: 1, latency_ms: { p50: 100, p95: 200 }, errors: {} } },
        { name: 'bad', simulate: { quality: 0, latency_ms: { p50: 100, p95: 200 }, errors: {} } },
      ],
    });
    client = new OpenAI({ baseURL: simulator.baseUrls.openai, apiKey: 'sk-test', maxRetries: 0 });
  });
  afterAll(() => simulator.close());

  it('answers a plain request with usage and the simulated marker header', async () => {
    const { data, response } = await client.chat.completions.create({ model: 'good', messages: [{ role: 'user', content: 'How do I update my billing address?' }] }).withResponse();
    expect(response.headers.get('x-chainproof-simulated')).toBe('1');
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{32}$/);
    expect(data.object).toBe('chat.completion');
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(data.choices[0]!.message.content!.length).toBeGreaterThan(20);
    expect(data.choices[0]!.message.content).not.toMatch(/@|\+1 \(/);
    expect(data.usage!.prompt_tokens).toBe(Math.ceil('How do I update my billing address?'.length / 4));
    expect(data.usage!.total_tokens).toBe(data.usage!.prompt_tokens + data.usage!.completion_tokens);
  });

  it('streams deltas, a finish reason and a usage chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'good',
      messages: [{ role: 'user', content: 'Write a TypeScript function that chunks an array.' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | undefined | null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toMatch(/```(typescript|ts)\n[\s\S]+\n```/);
    expect(finish).toBe('stop');
    expect(usage?.completion_tokens).toBe(Math.ceil(text.length / 4));
  });

  it('returns JSON valid for the requested schema when right, invalid when wrong', async () => {
    const validate = compileSchema(ticketSchema);
    const ask = (model: string, index: number) =>
      client.chat.completions.create({
        model,
        messages: [{ role: 'user', content: `Extract the ticket ${index}` }],
        response_format: { type: 'json_schema', json_schema: { name: 'ticket', schema: ticketSchema, strict: true } },
      });
    for (let index = 0; index < 10; index++) {
      const good = await ask('good', index);
      expect(isValidJsonFor(validate, good.choices[0]!.message.content), JSON.stringify(validate.errors)).toBe(true);
      const bad = await ask('bad', index);
      const { content, refusal } = bad.choices[0]!.message;
      // Wrong means invalid JSON for the schema, or a refusal in the refusal field.
      expect(isValidJsonFor(validate, content)).toBe(false);
      expect(content !== null || refusal !== null).toBe(true);
    }
  });

  it('calls a tool with arguments valid for its schema, streamed too', async () => {
    const validate = compileSchema(weatherParameters);
    const plain = await client.chat.completions.create({ model: 'good', messages: [{ role: 'user', content: 'Weather in Lisbon?' }], tools: [weatherTool] });
    const call = plain.choices[0]!.message.tool_calls![0]!;
    expect(plain.choices[0]!.finish_reason).toBe('tool_calls');
    expect(call.type === 'function' && call.function.name).toBe('get_weather');
    expect(call.type === 'function' && validate(JSON.parse(call.function.arguments))).toBe(true);
    const runner = client.chat.completions.stream({ model: 'good', messages: [{ role: 'user', content: 'Weather in Osaka?' }], tools: [weatherTool] });
    const final = await runner.finalChatCompletion();
    const streamed = final.choices[0]!.message.tool_calls![0]!;
    expect(streamed.type === 'function' && validate(JSON.parse(streamed.function.arguments))).toBe(true);
  });

  it('lists the models', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    expect(models).toEqual(['good', 'bad']);
  });

  it('answers 404 model_not_found for an unknown model', async () => {
    const error = await client.chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');
  });

  it('rejects a request without messages as the API does', async () => {
    const error = await client.chat.completions.create({ model: 'good', messages: [] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('messages');
  });
});
