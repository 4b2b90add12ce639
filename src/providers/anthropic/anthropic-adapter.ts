/** The Anthropic Messages adapter (`POST {base}/v1/messages`, base `https://api.anthropic.com`, as in Anthropic's SDKs). */
import type { ProviderAdapter } from '../adapter.js';
import { classifyAnthropicError } from './classify-anthropic-error.js';
import { fromAnthropicResponse } from './from-anthropic-response.js';
import { fromAnthropicStreamEvent } from './from-anthropic-stream-event.js';
import { toAnthropicRequest } from './to-anthropic-request.js';

export function createAnthropicAdapter(): ProviderAdapter {
  return {
    name: 'anthropic',
    defaultBaseUrl: 'https://api.anthropic.com',
    toRequest: toAnthropicRequest,
    authHeaders: (apiKey) => ({ 'x-api-key': apiKey }),
    isErrorBody: (body) => typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'error',
    fromResponse: fromAnthropicResponse,
    fromStreamEvent: fromAnthropicStreamEvent,
    classifyError: classifyAnthropicError,
  };
}
