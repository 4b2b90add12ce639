/**
 * The Gemini API adapter: `POST {base}/v1beta/models/{model}:generateContent` or
 * `:streamGenerateContent?alt=sse`, base `https://generativelanguage.googleapis.com` (as in
 * Google's SDKs).
 */
import type { ProviderAdapter } from '../adapter.js';
import { classifyGeminiError } from './classify-gemini-error.js';
import { fromGeminiResponse, fromGeminiStreamEvent } from './from-gemini-response.js';
import { toGeminiRequest } from './to-gemini-request.js';

export function createGeminiAdapter(): ProviderAdapter {
  return {
    name: 'gemini',
    defaultBaseUrl: 'https://generativelanguage.googleapis.com',
    toRequest: toGeminiRequest,
    authHeaders: (apiKey) => ({ 'x-goog-api-key': apiKey }),
    isErrorBody: (body) => typeof body === 'object' && body !== null && 'error' in body && !('candidates' in body),
    fromResponse: fromGeminiResponse,
    fromStreamEvent: fromGeminiStreamEvent,
    classifyError: classifyGeminiError,
  };
}
