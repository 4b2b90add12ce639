/**
 * Native request bodies that real clients sent (test/fixtures/logs/recorded/, provenance in its
 * README): Anthropic and Responses API bodies from DataDog/dd-trace-py's VCR cassettes, Gemini
 * bodies from googleapis/js-genai's replay recordings, as {url, request, response} log lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { sampleLogs } from '../../src/sampling/index.js';
import { createTempDir, FIXTURES, options, writeLog } from './helpers.js';

const RECORDED = join(FIXTURES, 'recorded');

function readRecorded(file: string): Array<{ url: string; request: Record<string, unknown>; response: unknown }> {
  return readFileSync(join(RECORDED, file), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
}

const GET_WEATHER = {
  type: 'function',
  function: { name: 'get_weather', description: 'Get the weather for a specific location', parameters: { type: 'object', properties: { location: { type: 'string' } } } },
};

describe('recorded Anthropic Messages bodies (dd-trace-py cassettes)', () => {
  it('converts tool use, tool results, thinking history, images and system blocks, naming what it drops', async () => {
    const result = await sampleLogs(options([join(RECORDED, 'anthropic-dd-trace-py.jsonl')], { n: 100 }));
    expect(result.inputs[0]!.format).toBe('request-response');
    const [toolResult, thinking, image, system] = result.cases;
    expect(toolResult!.request.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
    expect(toolResult!.request.messages[1]!.tool_calls).toEqual([
      { id: 'toolu_01DYJo37oETVsCdLTTcCWcdq', type: 'function', function: { name: 'get_weather', arguments: '{"location":"San Francisco, CA"}' } },
    ]);
    expect(toolResult!.request.messages[2]).toEqual({ role: 'tool', tool_call_id: 'toolu_01DYJo37oETVsCdLTTcCWcdq', content: 'The weather is 73f' });
    expect(toolResult!.request.tools).toEqual([GET_WEATHER]);
    expect(toolResult!.request.max_tokens).toBe(500);
    expect(toolResult!.expect?.reference).toMatch(/73°F/);

    // The thinking block of the assistant turn is dropped (named), the tool_result's text blocks become its content.
    expect(thinking!.request).toEqual({
      messages: [
        { role: 'user', content: 'What is the weather in San Francisco, CA?' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_thinking_001', type: 'function', function: { name: 'get_weather', arguments: '{"location":"San Francisco, CA"}' } }] },
        { role: 'tool', tool_call_id: 'toolu_thinking_001', content: 'The weather is 73f' },
      ],
      max_tokens: 16000,
      temperature: 1,
      tools: [GET_WEATHER],
    });

    const parts = image!.request.messages[0]!.content as Array<{ type: string; image_url?: { url: string } }>;
    expect(parts[0]).toEqual({ type: 'text', text: 'Hello, what do you see in the following image?' });
    expect(parts[1]!.image_url!.url).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);

    expect(system!.request.messages[0]).toEqual({ role: 'system', content: [
      { type: 'text', text: 'You are an AI assistant tasked with analyzing literary works.' },
      { type: 'text', text: 'only respond in all caps' },
    ] });
    expect(system!.request.temperature).toBe(0.8);
    expect(result.conversions).toEqual({ converted: { 'anthropic-messages': 4 }, dropped: { 'content.thinking': 1, thinking: 1, cache_control: 1 } });
  });

  it('reads the same bodies logged one per line (no response, no hint)', async () => {
    const dir = createTempDir();
    const bodies = readRecorded('anthropic-dd-trace-py.jsonl').map((line) => line.request);
    const result = await sampleLogs(options([writeLog(dir, 'bodies.jsonl', bodies)], { n: 100 }));
    expect(result.inputs[0]!.format).toBe('openai');
    // The image line has no Anthropic-only field but its image block: that is enough.
    expect(result.conversions.converted).toEqual({ 'anthropic-messages': 4 });
    expect(result.cases[0]!.request.messages[2]!.role).toBe('tool');
  });
});

describe('recorded Responses API bodies (dd-trace-py cassettes)', () => {
  it('converts instructions, function calls and outputs, strict tools, text.format and max_output_tokens', async () => {
    const result = await sampleLogs(options([join(RECORDED, 'responses-dd-trace-py.jsonl')], { n: 100 }));
    const [firstTurn, secondTurn, parse, history, weather] = result.cases;
    expect(firstTurn!.request.messages[0]).toEqual({ role: 'system', content: 'You are a helpful assistant specialized in addition calculations.' });
    expect(firstTurn!.request.tools![0]!.function).toMatchObject({ name: 'add', strict: true, description: 'Add two numbers together' });
    expect(secondTurn!.request.messages.slice(2)).toEqual([
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_xHztRD2un5qUnUzaZ2Dw5xAh', type: 'function', function: { name: 'add', arguments: '{"a":1,"b":2}' } }] },
      { role: 'tool', tool_call_id: 'call_xHztRD2un5qUnUzaZ2Dw5xAh', content: '3' },
    ]);
    expect(secondTurn!.expect?.reference).toBe('The sum of 1 and 2 is 3.');
    expect(parse!.request.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'MathResponse', strict: true } });
    expect(parse!.expect?.reference).toMatch(/^\{"steps":/);
    expect(history!.request.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(history!.request.max_completion_tokens).toBe(500);
    expect(history!.expect?.reference).toMatch(/Globe Life Field/);
    expect(weather!.request.temperature).toBe(0);
    expect(weather!.request.messages[2]).toMatchObject({ role: 'tool', tool_call_id: 'call_123' });
    expect(result.conversions).toEqual({ converted: { 'openai-responses': 5 }, dropped: { user: 1 } });
  });

  it('refuses a body that is only a stored prompt reference, naming the field', async () => {
    const error = await sampleLogs(options([join(RECORDED, 'responses-dd-trace-py-stored-prompt.jsonl')])).then(() => undefined, (caught: unknown) => caught);
    expect(isUserInputError(error)).toBe(true);
    expect((error as UserInputError).location).toMatchObject({ line: 1, path: 'request.prompt' });
    expect((error as UserInputError).message).toMatch(/stored prompt/);
  });
});

describe('recorded Gemini generateContent bodies (js-genai replays)', () => {
  it('converts function calling, responseJsonSchema, generation config and thinking, with the model from the URL', async () => {
    const result = await sampleLogs(options([join(RECORDED, 'gemini-js-genai.jsonl')], { n: 100, stratifyBy: 'model' }));
    expect(Object.keys(result.strata).sort()).toEqual(['gemini-2.0-flash', 'gemini-2.0-flash-thinking-exp', 'gemini-2.5-flash']);
    const byPrompt = (text: string) => result.cases.filter((sampled) => JSON.stringify(sampled.request.messages[0]).includes(text));
    const [call, followUp] = byPrompt('100/2');
    expect(call!.request.tools).toEqual([{ type: 'function', function: { name: 'customDivide', description: 'Custom divide function', parameters: { type: 'object', properties: { denominator: { type: 'number' }, numerator: { type: 'number' } } } } }]);
    expect(followUp!.request.messages).toEqual([
      { role: 'user', content: 'what is the result of 100/2' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_0', type: 'function', function: { name: 'customDivide', arguments: '{"denominator":2,"numerator":100}' } }] },
      { role: 'user', content: 'what is the result of 50/2?' },
    ]);
    const [json] = byPrompt('populate the following object');
    expect(json!.request.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'response', schema: { type: 'object', required: expect.arrayContaining(['simpleString']) } } });
    expect(JSON.parse(json!.expect!.reference as string)).toMatchObject({ simpleString: 'Hello' });
    const [parameters, stream] = byPrompt('why is the sky blue?');
    expect(parameters!.request).toEqual({ messages: [{ role: 'user', content: 'why is the sky blue?' }], max_tokens: 200 });
    // A streamed answer (an array of chunks) is joined into the reference.
    expect(stream!.expect?.reference).toMatch(/^The sky is blue due to a phenomenon called \*\*Rayleigh scattering\*\*/);
    // The thinking answer holds only a thought summary (maxOutputTokens 20): no reference.
    const [thought] = byPrompt('natural numbers');
    expect(thought!.request.max_tokens).toBe(20);
    expect(thought!.expect?.reference).toBeUndefined();
    expect(result.conversions).toEqual({ converted: { gemini: 6 }, dropped: { 'generationConfig.thinkingConfig': 2 } });
  });
});
