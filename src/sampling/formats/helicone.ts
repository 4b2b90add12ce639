/**
 * Helicone exports (`npx @helicone/export --include-body`, the query API): request rows with
 * `request_body`, `response_body`, `request_created_at`, `request_properties`.
 */
import { failLine, isRecord, readRequestBody, readResponseText, readString, readTags, readTimestamp } from '../to-canonical.js';
import type { FormatSpec } from '../types.js';

export const heliconeFormat: FormatSpec = {
  name: 'helicone',
  expected: 'a Helicone export row: {"request_id", "request_created_at", "request_body", "response_body", "request_properties", …}',
  matches: (raw) => 'request_body' in raw || 'signed_body_url' in raw || ('response_id' in raw && 'request_created_at' in raw),
  read: (raw, where) => {
    if (!isRecord(raw.request_body) && typeof raw.request_body !== 'string') {
      failLine(where, 'request_body', 'this Helicone row has no request body', 'Export with `npx @helicone/export --include-body`.');
    }
    const { request, model, conversion } = readRequestBody(raw.request_body, where, 'request_body', { provider: raw.provider, url: raw.target_url ?? raw.request_path });
    const properties = isRecord(raw.request_properties) ? raw.request_properties : {};
    return {
      request,
      model: readString(raw.model ?? raw.request_model) ?? model,
      reference: readResponseText(raw.response_body),
      tags: readTags(properties),
      weight: 1,
      timestamp: readTimestamp(raw.request_created_at),
      id: readString(raw.request_id ?? raw.response_id),
      cluster: readString(properties['Helicone-Session-Id'] ?? properties.session_id),
      conversion,
    };
  },
};
