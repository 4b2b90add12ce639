/**
 * API keys come from the environment and never reach disk: a run against a real local server
 * (which checks the key arrives) leaves no trace of the key in the run directory, the exports or
 * the cache, even when a request fails with the key echoed in the provider's error message.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSuite } from '../../src/pipeline/run-suite.js';

const KEY = 'sk-live-7f3c9a1e5b2d4c6f8a0b1c2d3e4f5a6b';
let server: Server;
let baseUrl = '';
const authorizations: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    authorizations.push(String(request.headers.authorization));
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { messages } = JSON.parse(body) as { messages: Array<{ content: string }> };
      if (messages.some((message) => message.content.includes('fail'))) {
        // Some gateways echo the credential they rejected: chainproof must not write it down.
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 1,
          model: 'm',
          choices: [{ index: 0, message: { role: 'assistant', content: 'All good.' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('API keys never reach disk', () => {
  it('leaves no trace of the key in the run directory, exports or cache', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-secret-'));
    writeFileSync(
      path.join(dir, 'cases.jsonl'),
      ['ok-1', 'ok-2', 'fail-1'].map((id) => JSON.stringify({ id, request: { messages: [{ role: 'user', content: `${id} please` }] } })).join('\n') + '\n',
    );
    writeFileSync(
      path.join(dir, 's.yaml'),
      `name: secrets\ndatasets: [{path: cases.jsonl}]\ncandidates:\n  - {id: a, provider: openai-compatible, model: m, base_url: "${baseUrl}", api_key_env: CP_TEST_KEY, price: {input_per_mtok: 1, output_per_mtok: 1}}\nrun: {stream: false, retries: 0}\nexport: [native, litellm, portkey]\n`,
    );
    const result = await runSuite({ suitePath: 's.yaml', cwd: dir, env: { CP_TEST_KEY: KEY }, cacheDir: path.join(dir, 'cache') });
    expect(authorizations).toContain(`Bearer ${KEY}`);
    const attempts = readFileSync(path.join(result.runDir, 'attempts.jsonl'), 'utf8');
    expect(attempts).toContain('"kind":"auth"');
    const files = [...filesUnder(result.runDir), ...filesUnder(path.join(dir, 'cache'))];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(readFileSync(file, 'utf8').includes(KEY), file).toBe(false);
    expect(readFileSync(path.join(result.runDir, 'run.json'), 'utf8')).toContain('CP_TEST_KEY');
  }, 30_000);
});
