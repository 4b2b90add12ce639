/**
 * Batch API input files — the prompts a team sent in bulk, one request a line:
 * OpenAI's (and Groq's, DeepSeek's, Gemini's OpenAI-compatible) `{"custom_id", "method", "url",
 * "body"}`, Anthropic Message Batches' `{"custom_id", "params"}` and Gemini's `{"key", "request"}`.
 * The body is read in the dialect its URL or provider names. Batch *output* lines hold answers
 * only: they are skipped, with a note to pass the input file.
 */
import { isRecord, readRequestBody, readString, type ReadBody } from '../to-canonical.js';
import type { FormatSpec, LogRecord, SourceLine } from '../types.js';

const OUTPUT_ONLY =
  'Batch output lines hold the answers, not the prompts: pass the batch input file (the JSONL that was uploaded), ' +
  'whose lines carry the request body.';

function readBatchBody(raw: Record<string, unknown>, where: SourceLine): ReadBody {
  if (isRecord(raw.body)) return readRequestBody(raw.body, where, 'body', { url: raw.url });
  if (isRecord(raw.params)) return readRequestBody(raw.params, where, 'params', { provider: 'ANTHROPIC', url: '/v1/messages' });
  return readRequestBody(raw.request, where, 'request', { provider: 'GOOGLE', url: ':generateContent' });
}

export const batchFormat: FormatSpec = {
  name: 'batch',
  expected: 'a batch API line: OpenAI {"custom_id", "method", "url", "body"}, Anthropic {"custom_id", "params"} or Gemini {"key", "request"}',
  matches: (raw) =>
    (typeof raw.custom_id === 'string' && (isRecord(raw.body) || isRecord(raw.params) || 'response' in raw || 'result' in raw)) ||
    (typeof raw.key === 'string' && (isRecord(raw.request) || 'response' in raw) && !('id' in raw)),
  missingBody: (raw) => (isRecord(raw.body) || isRecord(raw.params) || isRecord(raw.request) ? undefined : OUTPUT_ONLY),
  read: (raw, where) => {
    const { request, model, conversion } = readBatchBody(raw, where);
    const record: LogRecord = {
      request,
      model,
      tags: [],
      weight: 1,
      id: readString(raw.custom_id) ?? readString(raw.key),
      conversion,
    };
    return record;
  },
};
