/** `{request, response}` log lines: the request body and what production answered (kept as reference). */
import { isRecord, readRequestBody, readResponseText, readString, readTags, readTimestamp } from '../to-canonical.js';
import type { FormatSpec } from '../types.js';

export const requestResponseFormat: FormatSpec = {
  name: 'request-response',
  expected: '{"request": {chat request body}, "response": {chat completion or text}, "timestamp"?, "tags"?}',
  matches: (raw) => isRecord(raw.request) && 'response' in raw,
  read: (raw, where) => {
    const { request, model, conversion } = readRequestBody(raw.request, where, 'request', { provider: raw.provider, url: raw.url ?? raw.path ?? raw.endpoint });
    const created = isRecord(raw.response) ? raw.response.created : undefined;
    const metadata = isRecord(raw.metadata) ? raw.metadata : {};
    return {
      request,
      model,
      reference: readResponseText(raw.response),
      tags: readTags(raw.tags ?? metadata.tags),
      weight: 1,
      timestamp: readTimestamp(raw.timestamp ?? raw.created_at ?? raw.time ?? created),
      id: readString(raw.id ?? raw.request_id),
      cluster: readString(raw.session_id ?? raw.conversation_id ?? metadata.session_id),
      conversion,
    };
  },
};
