/**
 * The Gemini API adapter: `POST {base}/models/{model}:generateContent` or
 * `:streamGenerateContent?alt=sse`, base `https://generativelanguage.googleapis.com/v1beta`.
 */
import type { ProviderAdapter } from '../adapter.js';
import { classifyGeminiError } from './classify-gemini-error.js';
import { fromGeminiResponse, fromGeminiStreamEvent } from './from-gemini-response.js';
import { toGeminiRequest } from './to-gemini-request.js';

export function createGeminiAdapter(): ProviderAdapter {
  return {
    name: 'gemini',
    defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta',
    toRequest: toGeminiRequest,
    authHeaders: (apiKey) => ({ 'x-goog-api-key': apiKey }),
    isErrorBody: (body) => typeof body === 'object' && body !== null && 'error' in body && !('candidates' in body),
    fromResponse: fromGeminiResponse,
    fromStreamEvent: fromGeminiStreamEvent,
    classifyError: classifyGeminiError,
  };
}
