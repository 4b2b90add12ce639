/** OpenAI chat completions as the API sends them: bodies, SSE chunks, error bodies and headers. */
import type { SimulatedFault } from '../../config/suite-schema.js';
import type { ScriptedAnswer } from '../script-answer.js';
import { invalidOpenAIRequest, parseOpenAIRequest } from './openai-request.js';
import {
  JSON_TYPE,
  drawRetryAfterMs,
  randomId,
  renderBadGateway,
  splitIntoPieces,
  sseData,
  type ProtocolRenderer,
  type RenderContext,
  type WireResponse,
} from './protocol.js';

function renderUsage(answer: ScriptedAnswer): Record<string, unknown> {
  return {
    prompt_tokens: answer.inputTokens,
    completion_tokens: answer.outputTokens,
    total_tokens: answer.inputTokens + answer.outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/** Structured-output refusals go in `refusal`; elsewhere a refusal is just content. */
function usesRefusalField(answer: ScriptedAnswer, context: RenderContext): boolean {
  return answer.refusal && context.request.jsonSchema !== undefined;
}

function completionId(context: RenderContext): string {
  return `chatcmpl-${randomId(context.random, 29)}`;
}

function fingerprint(context: RenderContext): string {
  return `fp_${context.random.hex(10)}`;
}

function renderAnswer(answer: ScriptedAnswer, context: RenderContext): string {
  const refusalField = usesRefusalField(answer, context);
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: refusalField || (answer.text === '' && answer.toolCalls.length > 0) ? null : answer.text,
    refusal: refusalField ? answer.text : null,
    annotations: [],
  };
  if (answer.toolCalls.length > 0) {
    message.tool_calls = answer.toolCalls.map((call) => ({ id: `call_${call.idSuffix}`, type: 'function', function: { name: call.name, arguments: call.arguments } }));
  }
  return JSON.stringify({
    id: completionId(context),
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: answer.finish }],
    usage: renderUsage(answer),
    service_tier: 'default',
    system_fingerprint: fingerprint(context),
  });
}

function renderStream(answer: ScriptedAnswer, context: RenderContext): string[] {
  const head = { id: completionId(context), object: 'chat.completion.chunk', created: context.created, model: context.model, service_tier: 'default', system_fingerprint: fingerprint(context) };
  // The envelope is the same on every chunk: serialize it once and splice each delta in (the hot path).
  const prefix = `data: ${JSON.stringify(head).slice(0, -1)},"choices":[{"index":0,"delta":`;
  const suffix = `${context.request.includeUsage ? ',"usage":null' : ''}}\n\n`;
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): string =>
    `${prefix}${JSON.stringify(delta)},"logprobs":null,"finish_reason":${finish === null ? 'null' : JSON.stringify(finish)}}]${suffix}`;
  const refusalField = usesRefusalField(answer, context);
  const frames = [chunk({ role: 'assistant', content: refusalField ? null : '', refusal: null })];
  for (const piece of splitIntoPieces(answer.text)) frames.push(chunk(refusalField ? { refusal: piece } : { content: piece }));
  answer.toolCalls.forEach((call, index) => {
    frames.push(chunk({ tool_calls: [{ index, id: `call_${call.idSuffix}`, type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const piece of splitIntoArgumentPieces(call.arguments)) frames.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  frames.push(chunk({}, answer.finish));
  if (context.request.includeUsage) frames.push(sseData({ ...head, choices: [], usage: renderUsage(answer) }));
  frames.push('data: [DONE]\n\n');
  return frames;
}

/** Tool arguments stream in small fragments that split tokens anywhere, as the API's do. */
function splitIntoArgumentPieces(text: string): string[] {
  const size = Math.max(4, Math.ceil(text.length / 24));
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += size) pieces.push(text.slice(index, index + size));
  return pieces;
}

function renderStreamError(): string {
  return sseData({ error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } });
}

function errorBody(message: string, type: string | null, code: string | null, param: string | null = null): string {
  return JSON.stringify({ error: { message, type, param, code } }, null, 2);
}

function renderFault(fault: SimulatedFault, context: RenderContext): WireResponse | undefined {
  const json = { 'content-type': JSON_TYPE };
  switch (fault) {
    case 'rate_limited': {
      const waitMs = drawRetryAfterMs(context.random, context.latencyScale);
      return {
        status: 429,
        headers: { ...json, 'retry-after': String(Math.ceil(waitMs / 1000)), 'retry-after-ms': String(waitMs), 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': `${waitMs}ms` },
        body: errorBody(
          `Rate limit reached for ${context.model} in organization org-simulated on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in ${waitMs}ms. Visit https://platform.openai.com/account/rate-limits to learn more.`,
          'requests',
          'rate_limit_exceeded',
        ),
      };
    }
    case 'quota_exhausted':
      return {
        status: 429,
        headers: json,
        body: errorBody('You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.', 'insufficient_quota', 'insufficient_quota'),
      };
    case 'server_error':
      return { status: 500, headers: json, body: errorBody('The server had an error while processing your request. Sorry about that!', 'server_error', null) };
    case 'bad_gateway':
      return renderBadGateway({});
    case 'unavailable':
      return { status: 503, headers: json, body: errorBody('The engine is currently overloaded, please try again later.', 'server_error', null) };
    case 'overloaded':
      return { status: 503, headers: json, body: errorBody('The server is overloaded or not ready yet.', 'server_error', null) };
    case 'context_length': {
      const limit = context.contextWindow ?? 128_000;
      const used = Math.max(context.promptTokens, limit + 1 + context.random.int(0, 4000));
      const message = `This model's maximum context length is ${limit} tokens. However, your messages resulted in ${used} tokens. Please reduce the length of the messages.`;
      return { status: 400, headers: json, body: errorBody(message, 'invalid_request_error', 'context_length_exceeded', 'messages') };
    }
    case 'blocked_prompt':
      // OpenAI-compatible deployments with a prompt filter (Azure OpenAI) reject the prompt with a 400.
      return {
        status: 400,
        headers: json,
        body: JSON.stringify({
          error: {
            message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
            type: null,
            param: 'prompt',
            code: 'content_filter',
            status: 400,
            innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { hate: { filtered: false, severity: 'safe' }, violence: { filtered: true, severity: 'medium' } } },
          },
        }),
      };
    default:
      return undefined;
  }
}

export const openaiProtocol: ProtocolRenderer = {
  protocol: 'openai',
  createRequestId: (random) => `req_${random.hex(32)}`,
  baseHeaders: ({ requestId, random }) => ({
    'x-request-id': requestId,
    'openai-version': '2020-10-01',
    'openai-processing-ms': String(random.int(80, 900)),
    // A window the simulator never fills (it refuses only by injected faults): clients that pace
    // themselves by these headers, as chainproof's runner does, see room for every request.
    'x-ratelimit-limit-requests': '30000',
    'x-ratelimit-limit-tokens': '150000000',
    'x-ratelimit-remaining-requests': '29999',
    'x-ratelimit-remaining-tokens': '149999000',
    'x-ratelimit-reset-requests': '2ms',
    'x-ratelimit-reset-tokens': '0s',
  }),
  parseRequest: (body) => parseOpenAIRequest(body),
  renderAnswer,
  renderStream,
  renderStreamError,
  renderFault,
  renderUnknownModel: (model) =>
    invalidOpenAIRequest(`The model \`${model}\` does not exist or you do not have access to it.`, null, 'model_not_found', 404),
  renderModelList: (models) =>
    JSON.stringify({ object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'chainproof-simulator' })) }),
};
