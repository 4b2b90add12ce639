/**
 * LiteLLM proxy spend-log rows (LiteLLM_SpendLogs, /spend/logs). The prompt is in
 * `proxy_server_request` (the full body) or `messages`, which LiteLLM fills only with
 * `store_prompts_in_spend_logs: true`; `response` holds the completion. LiteLLM writes these
 * columns (and `request_tags`) as JSON strings, "{}" when prompts are not stored.
 */
import { isRecord, failLine, parseMaybeJson, readMessages, readRequestBody, readResponseText, readString, readTags, readTimestamp } from '../to-canonical.js';
import type { FormatSpec } from '../types.js';

function hasBody(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length > 0;
}

export const litellmFormat: FormatSpec = {
  name: 'litellm',
  expected: 'a LiteLLM spend-log row: {"request_id", "call_type", "startTime", "messages" or "proxy_server_request", "response", …}',
  matches: (raw) => typeof raw.request_id === 'string' && ('call_type' in raw || 'spend' in raw),
  read: (raw, where) => {
    const hint = 'LiteLLM stores prompts in spend logs only with `general_settings: {store_prompts_in_spend_logs: true}`.';
    let read;
    const body = parseMaybeJson(raw.proxy_server_request);
    if (hasBody(body) && ['messages', 'contents', 'input'].some((key) => key in (body as object))) {
      read = readRequestBody(body, where, 'proxy_server_request', { callType: raw.call_type, url: raw.api_base });
    } else {
      const stored = parseMaybeJson(raw.messages);
      const empty = stored === undefined || stored === null || (isRecord(stored) && Object.keys(stored).length === 0) || (Array.isArray(stored) && stored.length === 0);
      if (empty) failLine(where, 'messages', 'this spend-log row has no stored prompt', hint);
      read = { request: { messages: readMessages(stored, where, 'messages') }, model: undefined };
    }
    const metadata = isRecord(raw.metadata) ? raw.metadata : {};
    return {
      request: read.request,
      model: readString(raw.model) ?? read.model,
      reference: readResponseText(raw.response),
      tags: readTags(raw.request_tags ?? metadata.tags),
      weight: 1,
      timestamp: readTimestamp(raw.startTime ?? raw.start_time),
      id: readString(raw.request_id),
      cluster: readString(raw.session_id),
      conversion: read.conversion,
    };
  },
};
