/** Anthropic Messages as the API sends them: message bodies, the SSE event sequence, errors, headers. */
import type { SimulatedFault } from '../../config/suite-schema.js';
import type { ScriptedAnswer } from '../script-answer.js';
import { anthropicError, parseAnthropicRequest } from './anthropic-request.js';
import { drawRetryAfterMs, randomId, renderBadGateway, splitIntoPieces, sseEvent, type ProtocolRenderer, type RenderContext, type WireResponse } from './protocol.js';

const STOP_REASONS: Record<ScriptedAnswer['finish'], string> = { stop: 'end_turn', tool_calls: 'tool_use', length: 'max_tokens' };

/** Tool input is an object on this wire; arguments that are not valid JSON become an empty input. */
function readToolInput(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function usage(answer: ScriptedAnswer, outputTokens = answer.outputTokens): Record<string, unknown> {
  return { input_tokens: answer.inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: outputTokens, service_tier: 'standard' };
}

function contentBlocks(answer: ScriptedAnswer): Array<Record<string, unknown>> {
  const blocks: Array<Record<string, unknown>> = [];
  if (answer.text) blocks.push({ type: 'text', text: answer.text });
  for (const call of answer.toolCalls) blocks.push({ type: 'tool_use', id: `toolu_01${call.idSuffix.slice(0, 22)}`, name: call.name, input: readToolInput(call.arguments) });
  return blocks;
}

function renderAnswer(answer: ScriptedAnswer, context: RenderContext): string {
  return JSON.stringify({
    id: `msg_01${randomId(context.random, 22)}`,
    type: 'message',
    role: 'assistant',
    model: context.model,
    content: contentBlocks(answer),
    stop_reason: STOP_REASONS[answer.finish],
    stop_sequence: null,
    usage: usage(answer),
  });
}

function renderStream(answer: ScriptedAnswer, context: RenderContext): string[] {
  const message = { id: `msg_01${randomId(context.random, 22)}`, type: 'message', role: 'assistant', model: context.model, content: [], stop_reason: null, stop_sequence: null, usage: usage(answer, 1) };
  const frames = [sseEvent('message_start', { type: 'message_start', message })];
  let index = 0;
  if (answer.text) {
    frames.push(sseEvent('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } }));
    frames.push(sseEvent('ping', { type: 'ping' }));
    for (const piece of splitIntoPieces(answer.text)) frames.push(sseEvent('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } }));
    frames.push(sseEvent('content_block_stop', { type: 'content_block_stop', index }));
    index++;
  }
  for (const call of answer.toolCalls) {
    const block = { type: 'tool_use', id: `toolu_01${call.idSuffix.slice(0, 22)}`, name: call.name, input: {} };
    frames.push(sseEvent('content_block_start', { type: 'content_block_start', index, content_block: block }));
    // Streamed input is whatever the model wrote, so a broken argument string arrives broken.
    const json = call.arguments;
    frames.push(sseEvent('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '' } }));
    for (let at = 0; at < json.length; at += 12) {
      frames.push(sseEvent('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: json.slice(at, at + 12) } }));
    }
    frames.push(sseEvent('content_block_stop', { type: 'content_block_stop', index }));
    index++;
  }
  frames.push(sseEvent('message_delta', { type: 'message_delta', delta: { stop_reason: STOP_REASONS[answer.finish], stop_sequence: null }, usage: { output_tokens: answer.outputTokens } }));
  frames.push(sseEvent('message_stop', { type: 'message_stop' }));
  return frames;
}

function renderFault(fault: SimulatedFault, context: RenderContext): WireResponse | undefined {
  switch (fault) {
    case 'rate_limited': {
      const waitMs = drawRetryAfterMs(context.random, context.latencyScale);
      const reset = new Date(Date.now() + waitMs).toISOString().replace(/\.\d+Z$/, 'Z');
      const response = anthropicError(
        429,
        'rate_limit_error',
        'This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.',
      );
      return { ...response, headers: { ...response.headers, 'retry-after': String(Math.ceil(waitMs / 1000)), 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': reset } };
    }
    case 'quota_exhausted':
      return anthropicError(400, 'invalid_request_error', 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.');
    case 'server_error':
      return anthropicError(500, 'api_error', 'Internal server error');
    case 'bad_gateway':
      return renderBadGateway({});
    case 'unavailable':
      return anthropicError(503, 'api_error', 'Service unavailable');
    case 'overloaded':
      return anthropicError(529, 'overloaded_error', 'Overloaded');
    case 'context_length': {
      const limit = context.contextWindow ?? 200_000;
      return anthropicError(400, 'invalid_request_error', `prompt is too long: ${Math.max(context.promptTokens, limit + 1 + context.random.int(0, 4000))} tokens > ${limit} maximum`);
    }
    case 'blocked_prompt': {
      // The streaming classifiers stop a request at 200 with stop_reason "refusal" and no content.
      const inputTokens = context.promptTokens;
      const message = { id: `msg_01${randomId(context.random, 22)}`, type: 'message', role: 'assistant', model: context.model, content: [], stop_reason: 'refusal', stop_sequence: null, usage: { input_tokens: inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 0, service_tier: 'standard' } };
      if (!context.request.stream) return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) };
      const body =
        sseEvent('message_start', { type: 'message_start', message: { ...message, stop_reason: null } }) +
        sseEvent('message_delta', { type: 'message_delta', delta: { stop_reason: 'refusal', stop_sequence: null }, usage: { output_tokens: 0 } }) +
        sseEvent('message_stop', { type: 'message_stop' });
      return { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' }, body };
    }
    default:
      return undefined;
  }
}

export const anthropicProtocol: ProtocolRenderer = {
  protocol: 'anthropic',
  createRequestId: (random) => `req_011C${randomId(random, 22)}`,
  baseHeaders: ({ requestId }) => ({
    'request-id': requestId,
    'anthropic-organization-id': '00000000-0000-4000-8000-00000000c0de',
    // A window the simulator never fills (it refuses only by injected faults), as in the OpenAI protocol.
    'anthropic-ratelimit-requests-limit': '4000',
    'anthropic-ratelimit-requests-remaining': '3999',
    'anthropic-ratelimit-requests-reset': new Date(Date.now() + 1200).toISOString().replace(/\.\d+Z$/, 'Z'),
  }),
  parseRequest: (body, headers) => parseAnthropicRequest(body, headers),
  renderAnswer,
  renderStream,
  renderStreamError: () => sseEvent('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
  renderFault,
  renderUnknownModel: (model) => anthropicError(404, 'not_found_error', `model: ${model}`),
  renderModelList: (models) =>
    JSON.stringify({
      data: models.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-01-01T00:00:00Z' })),
      has_more: false,
      first_id: models[0] ?? null,
      last_id: models[models.length - 1] ?? null,
    }),
};
