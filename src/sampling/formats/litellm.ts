/**
 * LiteLLM proxy spend-log rows (LiteLLM_SpendLogs, /spend/logs). The prompt is in
 * `proxy_server_request` (the request body) or `messages`, which LiteLLM fills only with
 * `store_prompts_in_spend_logs: true`; `response` holds the completion. LiteLLM writes these
 * columns (and `request_tags`, `metadata`) as JSON strings, "{}" when prompts are not stored.
 *
 * A stored prompt is not always the prompt that was sent: LiteLLM cuts every string longer than
 * MAX_STRING_LENGTH_PROMPT_IN_DB (2,048 characters by default) to its head and tail around
 * "... (litellm_truncated skipped N chars) ...", and writes "redacted-by-litellm" when message
 * logging is off. Replaying either would test a different prompt, so such rows are skipped and
 * counted with the reason; a cut response is dropped as reference, with a note.
 */
import { isRecord, parseMaybeJson, readMessages, readRequestBody, readResponseText, readString, readTags, readTimestamp } from '../to-canonical.js';
import type { FormatSpec, LogRecord } from '../types.js';

const TRUNCATED = /\(litellm_truncated skipped \d+ chars\)/;
const REDACTED = 'redacted-by-litellm';

const NOT_STORED =
  'LiteLLM did not store the prompt of these requests (messages and proxy_server_request are empty): turn on ' +
  '`general_settings: {store_prompts_in_spend_logs: true}` for the traffic you want to sample. Some LiteLLM versions ' +
  'leave messages as {} even then (BerriAI/litellm#34747); the body in proxy_server_request is read when present.';
const CUT =
  'LiteLLM cut a string of the stored prompt ("... (litellm_truncated skipped N chars) ..."): strings longer than ' +
  'MAX_STRING_LENGTH_PROMPT_IN_DB (2,048 characters by default) are stored as head and tail only, so replaying it would send ' +
  'a different prompt. Raise MAX_STRING_LENGTH_PROMPT_IN_DB in the proxy\'s environment for the traffic you want to sample.';
const REDACTED_PROMPT =
  'LiteLLM redacted the stored prompt ("redacted-by-litellm": turn_off_message_logging is on for these requests), so there is nothing to replay.';
const CUT_RESPONSE = 'LiteLLM cut the stored response ("litellm_truncated"), so it is not kept as the reference answer of these cases.';

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (isRecord(value) && Object.keys(value).length === 0) || (Array.isArray(value) && value.length === 0);
}

function hasPromptBody(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && ['messages', 'contents', 'input'].some((key) => key in value);
}

/** The text of a column as stored (JSON text, or the object re-serialised) for marker searches. */
function storedText(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

const PROMPT_KEY = /"(?:messages|contents|input)"\s*:/;
const EMPTY_JSON = /^\s*(?:\{\s*\}|\[\s*\]|null)?\s*$/;

/**
 * The column the prompt is read from: the full request body when stored, else `messages`. Runs
 * on every line, so JSON-text columns are looked at, not parsed (only sampled rows are parsed).
 */
function promptColumn(raw: Record<string, unknown>): 'proxy_server_request' | 'messages' | undefined {
  const body = raw.proxy_server_request;
  if (typeof body === 'string' ? PROMPT_KEY.test(body) : hasPromptBody(body)) return 'proxy_server_request';
  const messages = raw.messages;
  return (typeof messages === 'string' ? EMPTY_JSON.test(messages) : isEmpty(messages)) ? undefined : 'messages';
}

export const litellmFormat: FormatSpec = {
  name: 'litellm',
  expected: 'a LiteLLM spend-log row: {"request_id", "call_type", "startTime", "messages" or "proxy_server_request", "response", …}',
  matches: (raw) => typeof raw.request_id === 'string' && ('call_type' in raw || 'spend' in raw),
  missingBody: (raw) => {
    const column = promptColumn(raw);
    if (!column) return NOT_STORED;
    const text = storedText(raw[column]);
    if (text.includes('litellm_truncated') && TRUNCATED.test(text)) return CUT;
    if (text.includes(REDACTED)) return REDACTED_PROMPT;
    return undefined;
  },
  read: (raw, where) => {
    let read;
    const body = parseMaybeJson(raw.proxy_server_request);
    if (hasPromptBody(body)) {
      read = readRequestBody(body, where, 'proxy_server_request', { callType: raw.call_type, url: raw.api_base });
    } else {
      // Only the messages were stored: read them as a body of that dialect (an anthropic_messages
      // call stores Anthropic content blocks), so native turns are converted like full bodies.
      const messages = parseMaybeJson(raw.messages);
      if (!Array.isArray(messages)) readMessages(messages, where, 'messages');
      read = readRequestBody({ messages }, where, '', { callType: raw.call_type, url: raw.api_base });
    }
    const metadata = parseMaybeJson(raw.metadata);
    const responseCut = TRUNCATED.test(storedText(raw.response));
    const record: LogRecord = {
      request: read.request,
      model: readString(raw.model) ?? read.model,
      reference: responseCut ? undefined : readResponseText(raw.response),
      tags: readTags(raw.request_tags ?? (isRecord(metadata) ? metadata.tags : undefined)),
      weight: 1,
      timestamp: readTimestamp(raw.startTime ?? raw.start_time),
      id: readString(raw.request_id),
      cluster: readString(raw.session_id),
      conversion: read.conversion,
    };
    if (responseCut) record.notes = [CUT_RESPONSE];
    return record;
  },
};
