import { FunctionCallingConfigMode, GoogleGenAI, Type } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { compileSchema, isValidJsonFor, ticketSchema, weatherParameters } from './schema-validator.js';

describe('Gemini through the official @google/genai SDK', () => {
  let simulator: RunningSimulator;
  let client: GoogleGenAI;

  beforeAll(async () => {
    simulator = await startSimulator({
      latencyScale: 0,
      models: [
        { name: 'gemini-sim', simulate: { quality: 1, latency_ms: { p50: 100, p95: 200 }, errors: {} } },
        { name: 'gemini-blocked', simulate: { quality: 1, latency_ms: { p50: 100, p95: 200 }, errors: { blocked_prompt: 1 } } },
        { name: 'gemini-limited', simulate: { quality: 1, latency_ms: { p50: 100, p95: 200 }, errors: { rate_limited: 1 } } },
      ],
    });
    client = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: simulator.baseUrls.gemini } });
  });
  afterAll(() => simulator.close());

  it('answers generateContent with usage metadata', async () => {
    const response = await client.models.generateContent({ model: 'gemini-sim', contents: 'How long do refunds take?', config: { systemInstruction: 'Be brief.' } });
    expect(response.text!.length).toBeGreaterThan(20);
    expect(response.candidates![0]!.finishReason).toBe('STOP');
    expect(response.usageMetadata!.promptTokenCount).toBe(Math.ceil(('How long do refunds take?'.length + 'Be brief.'.length) / 4));
  });

  it('streams with streamGenerateContent?alt=sse', async () => {
    let text = '';
    let chunks = 0;
    for await (const chunk of await client.models.generateContentStream({ model: 'gemini-sim', contents: 'Write a SQL query for monthly revenue.' })) {
      text += chunk.text ?? '';
      chunks++;
    }
    expect(chunks).toBeGreaterThan(1);
    expect(text).toMatch(/```sql\n[\s\S]*\n```/);
  });

  it('answers JSON for a responseSchema in OpenAPI style and a responseJsonSchema', async () => {
    const validate = compileSchema(ticketSchema);
    const viaJsonSchema = await client.models.generateContent({ model: 'gemini-sim', contents: 'Extract the ticket', config: { responseMimeType: 'application/json', responseJsonSchema: ticketSchema } });
    expect(isValidJsonFor(validate, viaJsonSchema.text)).toBe(true);
    const viaSchema = await client.models.generateContent({
      model: 'gemini-sim',
      contents: 'Extract the order',
      config: {
        responseMimeType: 'application/json',
        responseSchema: { type: Type.OBJECT, properties: { order_id: { type: Type.STRING }, quantity: { type: Type.INTEGER }, gift: { type: Type.BOOLEAN } }, required: ['order_id', 'quantity', 'gift'] },
      },
    });
    const order = JSON.parse(viaSchema.text!) as Record<string, unknown>;
    expect(typeof order.order_id).toBe('string');
    expect(Number.isInteger(order.quantity)).toBe(true);
    expect(typeof order.gift).toBe('boolean');
  });

  it('calls a declared function with args valid for its schema', async () => {
    const validate = compileSchema(weatherParameters);
    const response = await client.models.generateContent({
      model: 'gemini-sim',
      contents: 'Weather in Nairobi?',
      config: {
        tools: [{ functionDeclarations: [{ name: 'get_weather', parametersJsonSchema: weatherParameters }] }],
        toolConfig: { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY } },
      },
    });
    const call = response.functionCalls![0]!;
    expect(call.name).toBe('get_weather');
    expect(validate(call.args)).toBe(true);
  });

  it('blocks a prompt at HTTP 200 with promptFeedback and no candidates', async () => {
    const response = await client.models.generateContent({ model: 'gemini-blocked', contents: 'hello' });
    expect(response.promptFeedback?.blockReason).toBe('SAFETY');
    expect(response.candidates).toBeUndefined();
  });

  it('sends RESOURCE_EXHAUSTED with RetryInfo', async () => {
    const response = await fetch(`${simulator.url}/v1beta/models/gemini-limited:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'k', 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }),
    });
    expect(response.status).toBe(429);
    const body = (await response.json()) as { error: { status: string; details: Array<Record<string, string>> } };
    expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(body.error.details.find((detail) => detail['@type'] === 'type.googleapis.com/google.rpc.RetryInfo')?.retryDelay).toMatch(/^\d+(\.\d)?s$/);
    const error = await client.models.generateContent({ model: 'gemini-limited', contents: 'hi' }).catch((caught: unknown) => caught);
    expect(String((error as Error).message)).toMatch(/RESOURCE_EXHAUSTED/);
  });

  it('lists models under /v1beta/models', async () => {
    const names: string[] = [];
    for await (const model of await client.models.list()) names.push(model.name!);
    expect(names).toEqual(['models/gemini-sim', 'models/gemini-blocked', 'models/gemini-limited']);
  });
});
