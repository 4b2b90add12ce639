/**
 * Round trip through our own adapters: a canonical request → the Anthropic / Gemini adapter's
 * pure request builder → the sampler's native converter → the same canonical request. What each
 * protocol cannot carry is listed beside each case (the converters' documented losses).
 */
import { describe, expect, it } from 'vitest';
import type { CanonicalRequest } from '../../src/core/types.js';
import { toAnthropicRequest } from '../../src/providers/anthropic/to-anthropic-request.js';
import { toGeminiRequest } from '../../src/providers/gemini/to-gemini-request.js';
import { convertNativeBody } from '../../src/sampling/native/convert-native-body.js';
import { detectDialect } from '../../src/sampling/native/detect-dialect.js';

const where = { file: 'round-trip.jsonl', line: 1 };
const context = { model: 'm', stream: false, rawParamKeys: new Set<string>() };
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const PDF = 'data:application/pdf;base64,JVBERi0xLjQK';

/** A user turn with a PDF (OpenAI's `file` part): both adapters send it natively (document / inlineData). */
function pdfRequest(): CanonicalRequest {
  return { messages: [{ role: 'user', content: [{ type: 'text', text: 'Summarise this.' }, { type: 'file', file: { filename: 'document.pdf', file_data: PDF } }] }], max_tokens: 100 };
}

const WEATHER_TOOL = {
  type: 'function' as const,
  function: { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};
const TIME_TOOL = { type: 'function' as const, function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } } };

/** Two parallel calls answered by two tool results, then a user turn with text and an image. */
function toolConversation(ids: [string, string]): CanonicalRequest {
  return {
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Weather and time in Paris?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: ids[0], type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: ids[1], type: 'function', function: { name: 'get_time', arguments: '{"zone":"Europe/Paris"}' } },
        ],
      },
      { role: 'tool', tool_call_id: ids[0], content: 'sunny, 21°C' },
      { role: 'tool', tool_call_id: ids[1], content: '14:05' },
      { role: 'user', content: [{ type: 'text', text: 'And this picture?' }, { type: 'image_url', image_url: { url: PNG } }] },
    ],
    tools: [WEATHER_TOOL, TIME_TOOL],
    tool_choice: 'auto',
    max_tokens: 300,
    temperature: 0.2,
    top_p: 0.9,
    stop: ['END'],
  };
}

const JSON_SCHEMA = { type: 'object', properties: { label: { type: 'string', enum: ['bug', 'billing'] }, score: { type: 'number' } }, required: ['label'] };

function jsonRequest(): CanonicalRequest {
  return {
    messages: [{ role: 'user', content: 'Classify: my card was charged twice.' }],
    response_format: { type: 'json_schema', json_schema: { name: 'response', schema: JSON_SCHEMA } },
    max_tokens: 200,
  };
}

/** The adapter's path is the hint a log row would carry (`/v1/messages` reads the same as OpenAI chat for plain text). */
function roundTrip(wire: { path: string; body: Record<string, unknown> }) {
  const dialect = detectDialect(wire.body, { url: wire.path });
  const body = wire.body;
  if (dialect === 'openai-chat') throw new Error('the adapter body was read as OpenAI chat');
  return convertNativeBody(dialect, body, where, 'request');
}

describe('canonical → Anthropic adapter → converter', () => {
  it('gives back tools, parallel calls, tool results, an image and the parameters', () => {
    const original = toolConversation(['toolu_1', 'toolu_2']);
    const { request, conversion } = roundTrip(toAnthropicRequest(original, context));
    expect(conversion).toEqual({ from: 'anthropic-messages', dropped: [] });
    expect(request).toEqual(original);
  });

  it('gives back json_schema from the forced-tool form the adapter sends', () => {
    const { request } = roundTrip(toAnthropicRequest(jsonRequest(), context));
    expect(request).toEqual(jsonRequest());
  });

  it('gives back a PDF, sent as a document block', () => {
    const wire = toAnthropicRequest(pdfRequest(), context);
    expect(JSON.stringify(wire.body)).toContain('"type":"document"');
    expect(roundTrip(wire).request).toEqual(pdfRequest());
  });

  it('gives back a plain-text file, sent as a text document', () => {
    const original: CanonicalRequest = { messages: [{ role: 'user', content: [{ type: 'text', text: 'Fix typos.' }, { type: 'file', file: { filename: 'document.txt', file_data: 'data:text/plain;base64,aGVsbG8gd29ybGQ=' } }] }], max_tokens: 100 };
    const wire = toAnthropicRequest(original, context);
    expect(JSON.stringify(wire.body)).toContain('"source":{"type":"text","media_type":"text/plain","data":"hello world"}');
    expect(roundTrip(wire).request).toEqual(original);
  });

  it('loses what Anthropic cannot carry: the seed (never sent) and a defaulted max_tokens (added)', () => {
    const original: CanonicalRequest = { messages: [{ role: 'user', content: 'hi' }], seed: 7 };
    const { request } = roundTrip(toAnthropicRequest(original, context));
    expect(request).toEqual({ messages: [{ role: 'user', content: 'hi' }], max_tokens: 4096 });
  });
});

describe('canonical → Gemini adapter → converter', () => {
  it('gives back tools, calls (ids become call_<n>), results, an image and the parameters', () => {
    const original = { ...toolConversation(['call_0', 'call_1']), seed: 11 };
    const { request, conversion } = roundTrip(toGeminiRequest(original, context));
    expect(conversion).toEqual({ from: 'gemini', dropped: [] });
    expect(request).toEqual(original);
  });

  it('gives back a PDF, sent as inlineData', () => {
    const wire = toGeminiRequest(pdfRequest(), context);
    expect(JSON.stringify(wire.body)).toContain('"inlineData":{"mimeType":"application/pdf"');
    expect(roundTrip(wire).request).toEqual(pdfRequest());
  });

  it('renames call ids to call_<n> and pairs results by name and order', () => {
    const original = toolConversation(['toolu_a', 'toolu_b']);
    const { request } = roundTrip(toGeminiRequest(original, context));
    expect(request.messages[2]!.tool_calls!.map((call) => call.id)).toEqual(['call_0', 'call_1']);
    expect(request.messages.filter((message) => message.role === 'tool').map((message) => message.tool_call_id)).toEqual(['call_0', 'call_1']);
  });

  it('gives back json_schema (named "response": Gemini carries no schema name)', () => {
    const { request } = roundTrip(toGeminiRequest(jsonRequest(), context));
    expect(request).toEqual(jsonRequest());
  });

  it('loses the schema keywords the adapter strips for Gemini', () => {
    const original = jsonRequest();
    const withExtras = { ...original, response_format: { type: 'json_schema' as const, json_schema: { name: 'response', schema: { ...JSON_SCHEMA, additionalProperties: false } } } };
    const { request } = roundTrip(toGeminiRequest(withExtras, context));
    expect(request).toEqual(original);
  });
});
