// A stand-in for api.helicone.ai's POST /v1/request/query-clickhouse and its S3 signed body URLs.
// Rows carry the columns of jawn's getRequestsClickhouse SELECT (valhalla/jawn/src/lib/stores/request/request.ts),
// in that order, plus signed_body_url / asset_urls added by mapLLMCalls. Bodies are recorded provider calls.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const recorded = readFileSync(new URL('../../test/fixtures/logs/recorded/request-response-openrouter-e2e.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const genai = JSON.parse(readFileSync(new URL('../../../shared/fixtures/wire/gemini/js-genai_Client_Tests_generateContent_ML_Dev_should_generate_content_with_specified_parameters.json', import.meta.url), 'utf8'));
const gInteraction = genai.interactions[0];
const geminiRequest = gInteraction.request.bodySegments[0];
const geminiResponse = gInteraction.response.bodySegments[0];

const PLACEHOLDER = '{"helicone_message": "fetching body from signed_url... contact engineering@helicone.ai for more information"}';
const port = Number(process.env.PORT ?? 4555);
const base = `http://127.0.0.1:${port}`;

function row(o) {
  return {
    response_id: o.response_id,
    response_body: o.response_body ?? PLACEHOLDER,
    response_created_at: o.response_created_at,
    response_status: 200,
    request_id: o.request_id,
    request_body: o.request_body ?? PLACEHOLDER,
    request_created_at: o.request_created_at,
    request_user_id: o.user ?? '',
    request_properties: o.properties,
    provider: o.provider,
    delay_ms: o.delay_ms,
    request_model: o.model,
    ai_gateway_body_mapping: '',
    time_to_first_token: 0,
    total_tokens: String(o.tokens[0] + o.tokens[1]),
    completion_tokens: String(o.tokens[1]),
    reasoning_tokens: '0',
    prompt_tokens: String(o.tokens[0]),
    prompt_cache_read_tokens: '0',
    prompt_cache_write_tokens: '0',
    country_code: 'US',
    scores: {},
    properties: o.properties,
    asset_ids: [],
    target_url: o.target_url,
    cache_reference_id: '00000000-0000-0000-0000-000000000000',
    request_referrer: '',
    cache_enabled: false,
    cost: o.cost,
    prompt_id: '',
    prompt_version: '',
    updated_at: o.response_created_at,
    storage_location: o.storage_location ?? 's3',
    size_bytes: String(o.size ?? 0),
  };
}

const rows = [
  { ...row({ response_id: 'b1f0c7a2-5d1e-4a57-9a0e-3c2b8e6f4d10', request_id: '7c9e2f4a-1b3d-4e5f-8a6b-9c0d1e2f3a4b', request_created_at: '2026-01-07 04:55:55.412', response_created_at: '2026-01-07 04:55:58.927', user: 'ops-team', properties: { 'Helicone-Session-Id': 'flight-delay-7', environment: 'production' }, provider: 'OPENROUTER', delay_ms: 3515, model: 'anthropic/claude-sonnet-4', tokens: [1289, 412], target_url: 'https://openrouter.ai/api/v1/chat/completions', cost: 0.009047 }), signed: 'ok', body: { request: recorded[1].request, response: recorded[1].response } },
  { ...row({ response_id: '0d6a3e1c-8b2f-4c7d-9e1a-2b3c4d5e6f70', request_id: 'e4a1b2c3-d4e5-4f60-8a7b-9c8d7e6f5a4b', request_created_at: '2025-09-18 13:21:04.086', response_created_at: '2025-09-18 13:21:06.530', properties: { environment: 'staging' }, provider: 'GOOGLE', delay_ms: 2444, model: 'gemini-2.5-flash', tokens: [6, 199], target_url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent', cost: 0.000499 }), signed: 'ok', body: { request: geminiRequest, response: geminiResponse } },
  { ...row({ response_id: '5e7f8a9b-0c1d-4e2f-a3b4-c5d6e7f8a9b0', request_id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', request_created_at: '2025-09-18 13:20:11.700', response_created_at: '2025-09-18 13:20:12.950', properties: { environment: 'production' }, provider: 'OPENAI', delay_ms: 1250, model: 'gpt-4o-mini', tokens: [41, 18], target_url: 'https://api.openai.com/v1/chat/completions', cost: 0.0000169 }), signed: 'expired' },
  { ...row({ response_id: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a', request_id: '3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f', request_created_at: '2025-09-18 13:19:02.015', response_created_at: '2025-09-18 13:19:03.112', properties: {}, provider: 'OPENAI', delay_ms: 1097, model: 'gpt-4o-mini', tokens: [12, 9], target_url: 'https://api.openai.com/v1/chat/completions', cost: 0.0000072, storage_location: 'not_stored_exceeded_free' }), signed: 'none' },
  { ...row({ response_id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', request_id: '8d9e0f1a-2b3c-4d4e-9f6a-7b8c9d0e1f2a', request_created_at: '2026-01-07 05:10:44.530', response_created_at: '2026-01-07 05:10:48.204', user: 'reader-42', properties: { environment: 'production' }, provider: 'OPENROUTER', delay_ms: 3674, model: 'google/gemini-2.0-flash-001', tokens: [2337, 11], target_url: 'https://openrouter.ai/api/v1/chat/completions', cost: 0.0002381, storage_location: 'clickhouse', request_body: recorded[0].request, response_body: recorded[0].response }), signed: 'none' },
];

function apiRows() {
  return rows.map(({ signed, body, ...r }, i) => {
    const out = { ...r };
    if (signed !== 'none') {
      out.signed_body_url = `${base}/request-response-storage/organizations/org-1/requests/${r.request_id}/request_response_body?X-Amz-Expires=1800&X-Amz-Signature=${signed === 'ok' ? 'valid' : 'expired'}`;
      out.asset_urls = {};
    }
    return out;
  });
}

createServer((req, res) => {
  let text = '';
  req.on('data', (c) => (text += c));
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/v1/request/query-clickhouse') {
      const q = JSON.parse(text);
      const data = q.offset === 0 ? apiRows().slice(0, q.limit) : [];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data, error: null }));
      return;
    }
    const m = /requests\/([^/]+)\/request_response_body\?.*X-Amz-Signature=(\w+)/.exec(req.url);
    if (m) {
      if (m[2] !== 'valid') {
        res.writeHead(403, { 'content-type': 'application/xml' });
        res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
        return;
      }
      const r = rows.find((x) => x.request_id === m[1]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(r.body));
      return;
    }
    res.writeHead(404).end();
  });
}).listen(port, '127.0.0.1', () => console.log('listening', port));
