/**
 * Rate-limit headers of a successful answer → a snapshot the runner's adaptive concurrency reads.
 * OpenAI, Groq, Together, DeepSeek… send `x-ratelimit-*`; Anthropic sends `anthropic-ratelimit-*`.
 */
import type { RateLimitSnapshot } from '../types.js';
import { parseDurationMs, parseResetTimeMs } from './parse-retry-after.js';

export function readRateLimit(headers: Record<string, string>, now: number): RateLimitSnapshot | undefined {
  const snapshot: RateLimitSnapshot = {};
  const remainingRequests = readCount(headers['x-ratelimit-remaining-requests'] ?? headers['anthropic-ratelimit-requests-remaining']);
  const remainingTokens = readCount(headers['x-ratelimit-remaining-tokens'] ?? headers['anthropic-ratelimit-tokens-remaining']);
  const limitRequests = readCount(headers['x-ratelimit-limit-requests'] ?? headers['anthropic-ratelimit-requests-limit']);
  const limitTokens = readCount(headers['x-ratelimit-limit-tokens'] ?? headers['anthropic-ratelimit-tokens-limit']);
  const resetRequestsMs =
    parseDurationMs(headers['x-ratelimit-reset-requests']) ?? parseResetTimeMs(headers['anthropic-ratelimit-requests-reset'], now);
  const resetTokensMs =
    parseDurationMs(headers['x-ratelimit-reset-tokens']) ?? parseResetTimeMs(headers['anthropic-ratelimit-tokens-reset'], now);
  if (remainingRequests !== undefined) snapshot.remainingRequests = remainingRequests;
  if (remainingTokens !== undefined) snapshot.remainingTokens = remainingTokens;
  if (limitRequests !== undefined) snapshot.limitRequests = limitRequests;
  if (limitTokens !== undefined) snapshot.limitTokens = limitTokens;
  if (resetRequestsMs !== undefined) snapshot.resetRequestsMs = resetRequestsMs;
  if (resetTokensMs !== undefined) snapshot.resetTokensMs = resetTokensMs;
  return Object.keys(snapshot).length > 0 ? snapshot : undefined;
}

function readCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  return Number.isFinite(count) ? count : undefined;
}
