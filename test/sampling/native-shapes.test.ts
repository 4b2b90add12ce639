/**
 * Native request shapes no public recording was found for (see test/fixtures/logs/recorded/README.md),
 * written to each API's documented schema; dialect detection; and the errors on malformed bodies.
 */
import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { readRequestBody, readResponseText } from '../../src/sampling/to-canonical.js';
import { detectDialect } from '../../src/sampling/native/detect-dialect.js';

const where = { file: 'logs.jsonl', line: 7 };
const read = (body: unknown, hint?: Parameters<typeof readRequestBody>[3]) => readRequestBody(body, where, 'request_body', hint);

function catchError(run: () => unknown): UserInputError {
  try {
    run();
  } catch (error) {
    if (isUserInputError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserInputError');
}

describe('Anthropic Messages (documented shapes)', () => {
  it('puts tool results first, in block order, then the text of the same user turn', () => {
    const { request, conversion } = read({
      model: 'claude-sonnet-4-5',
      max_tokens: 512,
      system: 'Be brief.',
      messages: [
        { role: 'user', content: 'Weather in Oslo and Rome?' },
        { role: 'assistant', content: [
          { type: 'thinking', thinking: 'two calls', signature: 'abc' },
          { type: 'tool_use', id: 'toolu_a', name: 'weather', input: { city: 'Oslo' } },
          { type: 'tool_use', id: 'toolu_b', name: 'weather', input: { city: 'Rome' } },
        ] },
        { role: 'user', content: [
          { type: 'tool_result', tool_use_id: 'toolu_a', content: '3°C' },
          { type: 'text', text: 'Also: which is warmer?' },
          { type: 'tool_result', tool_use_id: 'toolu_b', content: [{ type: 'text', text: '19°C' }], is_error: false },
          { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }, title: 'forecast.pdf' },
        ] },
      ],
      tools: [
        { name: 'weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } }, cache_control: { type: 'ephemeral' } },
        { type: 'web_search_20250305', name: 'web_search', max_uses: 3 },
      ],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      stop_sequences: ['###'],
      top_k: 40,
      metadata: { user_id: 'u-1' },
    });
    expect(request.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Oslo and Rome?' },
      { role: 'assistant', content: null, tool_calls: [
        { id: 'toolu_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
        { id: 'toolu_b', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
      ] },
      { role: 'tool', tool_call_id: 'toolu_a', content: '3°C' },
      { role: 'tool', tool_call_id: 'toolu_b', content: '19°C' },
      { role: 'user', content: [
        { type: 'text', text: 'Also: which is warmer?' },
        { type: 'file', file: { filename: 'forecast.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' } },
      ] },
    ]);
    expect(request).toMatchObject({ max_tokens: 512, stop: ['###'], tool_choice: 'required', parallel_tool_calls: false });
    expect(request.tools).toEqual([{ type: 'function', function: { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }]);
    expect(request).not.toHaveProperty('top_k');
    expect(request).not.toHaveProperty('metadata');
    expect(conversion).toEqual({ from: 'anthropic-messages', dropped: ['cache_control', 'content.thinking', 'metadata', 'tools.web_search_20250305', 'top_k'] });
  });

  it('maps tool_choice tool/auto/none, url images, text documents, output_format, and drops url documents by name', () => {
    const base = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'url', url: 'https://x.test/a.png' } },
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'notes' } },
            { type: 'document', source: { type: 'url', url: 'https://x.test/a.pdf' } },
          ],
        },
      ],
    };
    const forced = read({ ...base, tools: [{ name: 'f', input_schema: { type: 'object' } }], tool_choice: { type: 'tool', name: 'f' } });
    expect(forced.request.tool_choice).toEqual({ type: 'function', function: { name: 'f' } });
    expect(forced.request.messages[0]!.content).toEqual([
      { type: 'image_url', image_url: { url: 'https://x.test/a.png' } },
      { type: 'file', file: { filename: 'document.txt', file_data: `data:text/plain;base64,${Buffer.from('notes').toString('base64')}` } },
    ]);
    expect(forced.conversion!.dropped).toEqual(['content.document.source.url']);
    expect(read({ ...base, tool_choice: { type: 'none' } }).request.tool_choice).toBe('none');
    const structured = read({ ...base, output_format: { type: 'json_schema', schema: { type: 'object' } } });
    expect(structured.request.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'response', schema: { type: 'object' } } });
  });

  it('names the field of a malformed body, with the line', () => {
    const error = catchError(() => read({ messages: [{ role: 'user', content: [{ type: 'tool_result', content: 'x' }] }], system: 's' }));
    expect(error.location).toEqual({ file: 'logs.jsonl', line: 7, path: 'request_body.messages[0].content[0].tool_use_id' });
    expect(error.hint).toMatch(/--where/);
    const image = catchError(() => read({ messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64' } }] }] }));
    expect(image.location?.path).toBe('request_body.messages[0].content[0].source');
    expect(image.message).toMatch(/media_type/);
  });
});

describe('Gemini generateContent (documented shapes)', () => {
  it('converts system instruction, images, calls and responses (paired by name and order), schemas and config', () => {
    const { request, conversion } = read({
      systemInstruction: { parts: [{ text: 'Answer in French.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'What is in this image, and the weather in Lyon and Nice?' }, { inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQ' } }] },
        { role: 'model', parts: [
          { text: 'Let me check.', thoughtSignature: 'c2ln' },
          { functionCall: { name: 'weather', args: { city: 'Lyon' } } },
          { functionCall: { name: 'weather', args: { city: 'Nice' } } },
        ] },
        { role: 'user', parts: [
          { functionResponse: { name: 'weather', response: { temp: 18 } } },
          { functionResponse: { name: 'weather', response: { content: '24°C' } } },
        ] },
      ],
      tools: [{ functionDeclarations: [{ name: 'weather', description: 'Weather', parameters: { type: 'OBJECT', properties: { city: { type: 'STRING', nullable: true } }, required: ['city'] } }] }, { googleSearch: {} }],
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['weather'] } },
      generationConfig: {
        temperature: 0.3, topP: 0.8, topK: 20, maxOutputTokens: 256, stopSequences: ['END'], seed: 5,
        responseMimeType: 'application/json', responseSchema: { type: 'OBJECT', properties: { answer: { type: 'STRING' } }, propertyOrdering: ['answer'] },
      },
      safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }],
      cachedContent: 'cachedContents/abc',
    }, { url: '/v1beta/models/gemini-2.5-pro:generateContent' });
    expect(request.messages).toEqual([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: [{ type: 'text', text: 'What is in this image, and the weather in Lyon and Nice?' }, { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4AAQ' } }] },
      { role: 'assistant', content: 'Let me check.', tool_calls: [
        { id: 'call_0', type: 'function', function: { name: 'weather', arguments: '{"city":"Lyon"}' } },
        { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Nice"}' } },
      ] },
      { role: 'tool', tool_call_id: 'call_0', content: '{"temp":18}' },
      { role: 'tool', tool_call_id: 'call_1', content: '24°C' },
    ]);
    expect(request.tools![0]!.function.parameters).toEqual({ type: 'object', properties: { city: { type: ['string', 'null'] } }, required: ['city'] });
    expect(request).toMatchObject({
      tool_choice: { type: 'function', function: { name: 'weather' } },
      temperature: 0.3, top_p: 0.8, max_tokens: 256, stop: ['END'], seed: 5,
      response_format: { type: 'json_schema', json_schema: { name: 'response', schema: { type: 'object', properties: { answer: { type: 'string' } } } } },
    });
    expect(conversion!.dropped).toEqual(['cachedContent', 'generationConfig.topK', 'safetySettings', 'schema.propertyOrdering', 'thoughtSignature', 'tools.googleSearch']);
  });

  it('reads snake_case fields and keeps ids Gemini sent', () => {
    const { request } = read({
      contents: [
        { role: 'model', parts: [{ function_call: { id: 'fc-9', name: 'f', args: {} } }] },
        { role: 'user', parts: [{ function_response: { id: 'fc-9', name: 'f', response: { ok: true } } }] },
      ],
      system_instruction: { parts: [{ text: 'sys' }] },
      generation_config: { max_output_tokens: 10, response_mime_type: 'application/json' },
    });
    expect(request.messages).toEqual([
      { role: 'system', content: 'sys' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'fc-9', type: 'function', function: { name: 'f', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'fc-9', content: '{"ok":true}' },
    ]);
    expect(request).toMatchObject({ max_tokens: 10, response_format: { type: 'json_object' } });
  });

  it('names the part of a malformed body: an unanswerable functionResponse, a part that is not an object', () => {
    const orphan = catchError(() => read({ contents: [{ role: 'user', parts: [{ text: 'a' }] }, { role: 'model', parts: [{ text: 'b' }] }, { role: 'user', parts: [{ functionResponse: { name: 'g', response: {} } }] }] }));
    expect(orphan.location?.path).toBe('request_body.contents[2].parts[0].functionResponse');
    expect(orphan.message).toMatch(/answers no earlier unanswered functionCall/);
    const part = catchError(() => read({ contents: [{ role: 'user', parts: ['hi'] }] }));
    expect(part.location?.path).toBe('request_body.contents[0].parts[0]');
  });
});

describe('Responses API (documented shapes)', () => {
  it('converts image and file parts, merges calls into the assistant turn, and names what it drops', () => {
    const { request, conversion } = read({
      model: 'gpt-5',
      instructions: 'Be exact.',
      input: [
        { role: 'user', content: [{ type: 'input_text', text: 'Read these.' }, { type: 'input_image', image_url: 'https://x.test/p.png', detail: 'high' }, { type: 'input_file', file_data: 'data:application/pdf;base64,JVBE', filename: 'a.pdf' }, { type: 'input_image', file_id: 'file-1' }] },
        { type: 'reasoning', id: 'rs_1', summary: [] },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Checking.' }] },
        { type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '{"q":"a"}' },
        { type: 'function_call_output', call_id: 'call_1', output: 'found' },
      ],
      tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object' } }, { type: 'web_search' }],
      tool_choice: { type: 'function', name: 'lookup' },
      text: { format: { type: 'json_object' }, verbosity: 'low' },
      reasoning: { effort: 'high', summary: 'auto' },
      previous_response_id: 'resp_0',
      store: true,
    });
    expect(request.messages).toEqual([
      { role: 'system', content: 'Be exact.' },
      { role: 'user', content: [
        { type: 'text', text: 'Read these.' },
        { type: 'image_url', image_url: { url: 'https://x.test/p.png', detail: 'high' } },
        { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBE', filename: 'a.pdf' } },
      ] },
      { role: 'assistant', content: 'Checking.', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"a"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'found' },
    ]);
    expect(request).toMatchObject({ tool_choice: { type: 'function', function: { name: 'lookup' } }, response_format: { type: 'json_object' }, verbosity: 'low', reasoning_effort: 'high' });
    expect(conversion!.dropped).toEqual(['content.input_image.file_id', 'input.reasoning', 'previous_response_id', 'reasoning.summary', 'store', 'tools.web_search']);
  });

  it('names the item of a malformed body', () => {
    const error = catchError(() => read({ model: 'gpt-5', input: [{ type: 'function_call', name: 'f', arguments: '{}' }] }));
    expect(error.location?.path).toBe('request_body.input[0]');
    expect(error.message).toMatch(/call_id/);
  });
});

describe('detectDialect', () => {
  it('keeps an OpenAI chat body with a system message, image_url parts and function tools as OpenAI chat', () => {
    const chat = {
      messages: [{ role: 'system', content: 's' }, { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }] }],
      tools: [{ type: 'function', function: { name: 'f', parameters: {} } }],
      tool_choice: { type: 'function', function: { name: 'f' } },
      stop: ['x'],
    };
    expect(detectDialect(chat)).toBe('openai-chat');
    expect(detectDialect(chat, { provider: 'ANTHROPIC' })).toBe('openai-chat');
    const { request, conversion } = read(chat);
    expect(conversion).toBeUndefined();
    expect(request).toEqual(chat);
  });

  it('switches to Anthropic only on Anthropic-only markers, or on a hint when the body reads the same both ways', () => {
    const plain = { messages: [{ role: 'user', content: 'hi' }], max_tokens: 10 };
    expect(detectDialect(plain)).toBe('openai-chat');
    expect(detectDialect(plain, { provider: 'ANTHROPIC' })).toBe('anthropic-messages');
    expect(detectDialect(plain, { url: 'https://api.anthropic.com/v1/messages' })).toBe('anthropic-messages');
    expect(detectDialect(plain, { callType: 'anthropic_messages' })).toBe('anthropic-messages');
    expect(detectDialect({ ...plain, system: 's' })).toBe('anthropic-messages');
    expect(detectDialect({ ...plain, stop_sequences: ['x'] })).toBe('anthropic-messages');
    expect(detectDialect({ ...plain, tool_choice: { type: 'any' } })).toBe('anthropic-messages');
    expect(detectDialect({ ...plain, tools: [{ name: 'f', input_schema: {} }] })).toBe('anthropic-messages');
    expect(detectDialect({ messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'u' } }] }] })).toBe('anthropic-messages');
    // A plain body reads the same either way: the only difference is the note that it was converted.
    expect(read(plain, { provider: 'ANTHROPIC' }).request).toEqual(read(plain).request);
  });

  it('recognises Gemini and Responses bodies, and takes the Gemini model from the URL', () => {
    expect(detectDialect({ contents: [] })).toBe('gemini');
    expect(detectDialect({ model: 'gpt-5', input: 'hi' })).toBe('openai-responses');
    expect(read({ contents: [{ parts: [{ text: 'hi' }] }] }, { url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse' }).model).toBe('gemini-2.5-flash');
  });
});

describe('readResponseText for native responses', () => {
  it('reads Gemini candidates without thought parts, and Responses API message items without reasoning', () => {
    expect(readResponseText({ candidates: [{ content: { role: 'model', parts: [{ text: 'thinking…', thought: true }, { text: 'Paris' }] } }] })).toBe('Paris');
    expect(readResponseText({ object: 'response', output: [{ type: 'reasoning', summary: [] }, { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hello' }] }] })).toBe('Hello');
    expect(readResponseText({ object: 'response', output: [{ type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' }] })).toBeUndefined();
  });
});
