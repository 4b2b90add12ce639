/**
 * Helicone exports: rows of Helicone's request query API (`POST /v1/request/query-clickhouse`) as
 * its export tool writes them (`--format jsonl|json|csv`, bodies with `--include-body`):
 * `request_id`, `request_created_at` (ClickHouse time, UTC without a zone), `request_body`,
 * `response_body`, `request_properties`, `provider`, `target_url`, `storage_location`.
 *
 * Helicone keeps bodies in object storage; the API row holds a placeholder,
 * `{"helicone_message": "fetching body from signed_url..."}`, that the export tool swaps for the
 * real body only with `--include-body` and only while the signed URL is valid — otherwise the
 * placeholder stays, silently. Such rows are skipped and counted with the reason, never replayed.
 */
import { isRecord, parseMaybeJson, readRequestBody, readResponseText, readString, readTags, readTimestamp } from '../to-canonical.js';
import type { FormatSpec } from '../types.js';

const NOT_EXPORTED =
  'Helicone exported a placeholder ("fetching body from signed_url...") instead of the request body: the export ran without --include-body, ' +
  'or the signed body URL had expired when the export tool fetched it (the tool then keeps the placeholder without saying so). ' +
  'Export again with --include-body (npx @helicone/export --include-body, or the export tool in Helicone\'s repository, examples/export).';
const NOT_STORED =
  'Helicone did not store the body of these requests (storage_location "not_stored_exceeded_free": the plan\'s storage limit was reached), ' +
  'so no export can recover them.';

/** Helicone's stand-in for a body it did not return; as text it is short, so a body text is never parsed here. */
function isPlaceholder(body: unknown): boolean {
  if (typeof body === 'string' && (body.length > 1000 || !body.includes('helicone_message'))) return false;
  const parsed = parseMaybeJson(body);
  return isRecord(parsed) && typeof parsed.helicone_message === 'string' && !('messages' in parsed) && !('contents' in parsed) && !('input' in parsed);
}

export const heliconeFormat: FormatSpec = {
  name: 'helicone',
  expected: 'a Helicone export row: {"request_id", "request_created_at", "request_body", "response_body", "request_properties", …}',
  matches: (raw) => 'request_body' in raw || 'signed_body_url' in raw || ('response_id' in raw && 'request_created_at' in raw),
  missingBody: (raw) => {
    if (raw.request_body !== undefined && raw.request_body !== null && raw.request_body !== '' && !isPlaceholder(raw.request_body)) return undefined;
    return raw.storage_location === 'not_stored_exceeded_free' ? NOT_STORED : NOT_EXPORTED;
  },
  read: (raw, where) => {
    const { request, model, conversion } = readRequestBody(raw.request_body, where, 'request_body', { provider: raw.provider, url: raw.target_url ?? raw.request_path });
    const properties = isRecord(raw.request_properties) ? raw.request_properties : isRecord(raw.properties) ? raw.properties : {};
    return {
      request,
      model: readString(raw.model) ?? readString(raw.request_model) ?? model,
      reference: isPlaceholder(raw.response_body) ? undefined : readResponseText(raw.response_body),
      tags: readTags(properties),
      weight: 1,
      timestamp: readTimestamp(raw.request_created_at),
      id: readString(raw.request_id) ?? readString(raw.response_id),
      cluster: readString(properties['Helicone-Session-Id'] ?? properties.session_id),
      conversion,
    };
  },
};
