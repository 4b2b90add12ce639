/**
 * Gemini generateContent / streamGenerateContent as the API sends them. A blocked prompt is a
 * 200 with `promptFeedback.blockReason` and no candidates; quota errors carry RetryInfo.
 */
import type { SimulatedFault } from '../../config/suite-schema.js';
import type { ScriptedAnswer } from '../script-answer.js';
import { googleError, parseGeminiRequest } from './gemini-request.js';
import { drawRetryAfterMs, randomId, renderBadGateway, splitIntoPieces, type ProtocolRenderer, type RenderContext, type WireResponse } from './protocol.js';

const FINISH_REASONS: Record<ScriptedAnswer['finish'], string> = { stop: 'STOP', tool_calls: 'STOP', length: 'MAX_TOKENS' };

function readArgs(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function usageMetadata(answer: ScriptedAnswer, outputTokens = answer.outputTokens): Record<string, unknown> {
  return {
    promptTokenCount: answer.inputTokens,
    candidatesTokenCount: outputTokens,
    totalTokenCount: answer.inputTokens + outputTokens,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: answer.inputTokens }],
  };
}

function envelope(context: RenderContext, responseId: string, payload: Record<string, unknown>): Record<string, unknown> {
  return { ...payload, modelVersion: context.model, responseId };
}

function renderAnswer(answer: ScriptedAnswer, context: RenderContext): string {
  const parts: Array<Record<string, unknown>> = [];
  if (answer.text) parts.push({ text: answer.text });
  for (const call of answer.toolCalls) parts.push({ functionCall: { name: call.name, args: readArgs(call.arguments) } });
  const candidate = { content: { parts, role: 'model' }, finishReason: FINISH_REASONS[answer.finish], index: 0 };
  return JSON.stringify(envelope(context, randomId(context.random, 22), { candidates: [candidate], usageMetadata: usageMetadata(answer) }));
}

/** Each event is a whole partial response; the last carries the finish reason. No [DONE]. */
function renderChunks(answer: ScriptedAnswer, context: RenderContext): Array<Record<string, unknown>> {
  const responseId = randomId(context.random, 22);
  const chunks: Array<Record<string, unknown>> = [];
  const pieces = splitIntoPieces(answer.text, 24);
  let written = 0;
  pieces.forEach((piece) => {
    written += piece.length;
    const candidate = { content: { parts: [{ text: piece }], role: 'model' }, index: 0 };
    chunks.push(envelope(context, responseId, { candidates: [candidate], usageMetadata: usageMetadata(answer, Math.ceil(written / 4)) }));
  });
  const calls = answer.toolCalls.map((call) => ({ functionCall: { name: call.name, args: readArgs(call.arguments) } }));
  const last = { content: { parts: calls.length > 0 ? calls : [{ text: '' }], role: 'model' }, finishReason: FINISH_REASONS[answer.finish], index: 0 };
  chunks.push(envelope(context, responseId, { candidates: [last], usageMetadata: usageMetadata(answer) }));
  return chunks;
}

function renderStream(answer: ScriptedAnswer, context: RenderContext): string[] {
  return renderChunks(answer, context).map((chunk) => `data: ${JSON.stringify(chunk)}\r\n\r\n`);
}

function renderFault(fault: SimulatedFault, context: RenderContext): WireResponse | undefined {
  switch (fault) {
    case 'rate_limited': {
      const waitMs = drawRetryAfterMs(context.random, context.latencyScale);
      return googleError(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.', [
        {
          '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
          violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_requests', quotaId: 'GenerateRequestsPerMinutePerProjectPerModel', quotaDimensions: { location: 'global', model: context.model }, quotaValue: '60' }],
        },
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${(waitMs / 1000).toFixed(1).replace(/\.0$/, '')}s` },
      ]);
    }
    case 'quota_exhausted':
      return googleError(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.', [
        {
          '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
          violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_requests_per_day', quotaId: 'GenerateRequestsPerDayPerProjectPerModel', quotaDimensions: { location: 'global', model: context.model }, quotaValue: '1000' }],
        },
      ]);
    case 'server_error':
      return googleError(500, 'INTERNAL', 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting');
    case 'bad_gateway':
      return renderBadGateway({});
    case 'unavailable':
    case 'overloaded':
      return googleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.');
    case 'context_length': {
      const limit = context.contextWindow ?? 1_048_576;
      const used = Math.max(context.promptTokens, limit + 1 + context.random.int(0, 4000));
      return googleError(400, 'INVALID_ARGUMENT', `The input token count (${used}) exceeds the maximum number of tokens allowed (${limit}).`);
    }
    case 'blocked_prompt': {
      const body = envelope(context, randomId(context.random, 22), {
        promptFeedback: {
          blockReason: 'SAFETY',
          safetyRatings: [
            { category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'NEGLIGIBLE' },
            { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'HIGH' },
            { category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' },
            { category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'NEGLIGIBLE' },
          ],
        },
        usageMetadata: { promptTokenCount: context.promptTokens, totalTokenCount: context.promptTokens },
      });
      if (context.request.stream) return { status: 200, headers: { 'content-type': 'text/event-stream' }, body: `data: ${JSON.stringify(body)}\r\n\r\n` };
      return { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: JSON.stringify(body) };
    }
    default:
      return undefined;
  }
}

export const geminiProtocol: ProtocolRenderer = {
  protocol: 'gemini',
  createRequestId: (random) => random.hex(16),
  baseHeaders: ({ requestId }) => ({ 'x-goog-request-id': requestId, 'server-timing': `gfet4t7; dur=${requestId.length * 10}`, vary: 'Origin, X-Origin, Referer' }),
  parseRequest: (body, headers, route) => parseGeminiRequest(body, headers, route.pathModel, route.query, route.stream === true),
  renderAnswer,
  renderStream,
  renderStreamAsJson: (answer, context, route) => (route.query?.get('alt') === 'sse' ? undefined : JSON.stringify(renderChunks(answer, context))),
  renderStreamError: () => `data: ${JSON.stringify({ error: { code: 500, message: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting', status: 'INTERNAL' } })}\r\n\r\n`,
  renderFault,
  renderUnknownModel: (model) => googleError(404, 'NOT_FOUND', `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`),
  renderModelList: (models) =>
    JSON.stringify({
      models: models.map((name) => ({
        name: `models/${name}`,
        version: '001',
        displayName: name,
        description: 'A scripted model served by the chainproof simulator',
        inputTokenLimit: 1_048_576,
        outputTokenLimit: 65_536,
        supportedGenerationMethods: ['generateContent', 'countTokens'],
      })),
    }),
};
