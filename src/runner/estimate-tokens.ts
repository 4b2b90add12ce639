/**
 * Input tokens of a request before it is sent, for the rpm/tpm buckets and the budget. Counted with
 * o200k_base (gpt-tokenizer, pure JS): exact for current OpenAI models and within a few percent for
 * other vendors' tokenizers, which the usage returned by each call then corrects.
 */
import type { Case, CanonicalRequest, ContentPart } from '../core/types.js';

export type CountTokens = (text: string) => number;

/** Tokens a chat template adds around each message (role, separators), as OpenAI documents it. */
const PER_MESSAGE_OVERHEAD = 4;
/** An image costs a provider-specific amount; this is a middle value for the budget. */
const TOKENS_PER_IMAGE = 800;

let loaded: CountTokens | undefined;

/** Loads the tokenizer once (≈100 ms), lazily, so commands that never estimate do not pay for it. */
export async function loadTokenCounter(): Promise<CountTokens> {
  if (!loaded) {
    const module = await import('gpt-tokenizer/encoding/o200k_base');
    loaded = (text: string) => module.countTokens(text);
  }
  return loaded;
}

export function countRequestTokens(request: CanonicalRequest, countTokens: CountTokens): number {
  let total = 3;
  for (const message of request.messages) {
    total += PER_MESSAGE_OVERHEAD;
    const content = message.content;
    if (typeof content === 'string') total += countTokens(content);
    else if (Array.isArray(content)) total += countParts(content, countTokens);
    if (message.tool_calls) total += countTokens(JSON.stringify(message.tool_calls));
  }
  if (request.tools && request.tools.length > 0) total += countTokens(JSON.stringify(request.tools));
  if (request.response_format && request.response_format.type === 'json_schema') {
    total += countTokens(JSON.stringify(request.response_format.json_schema));
  }
  return total;
}

function countParts(parts: ContentPart[], countTokens: CountTokens): number {
  let total = 0;
  for (const part of parts) {
    if (part.type === 'text' && typeof (part as { text?: unknown }).text === 'string') {
      total += countTokens((part as { text: string }).text);
    } else if (part.type === 'image_url') total += TOKENS_PER_IMAGE;
  }
  return total;
}

/** Per-case memo: every candidate and repeat of a case shares one count. */
export function createCaseTokenEstimator(countTokens: CountTokens): (testCase: Case) => number {
  const memo = new WeakMap<Case, number>();
  return (testCase) => {
    let count = memo.get(testCase);
    if (count === undefined) {
      count = countRequestTokens(testCase.request, countTokens);
      memo.set(testCase, count);
    }
    return count;
  };
}

/** The output ceiling the request itself sets, if any. */
export function readMaxOutputTokens(request: CanonicalRequest): number | undefined {
  const value = request.max_completion_tokens ?? request.max_tokens;
  return typeof value === 'number' && value > 0 ? value : undefined;
}
