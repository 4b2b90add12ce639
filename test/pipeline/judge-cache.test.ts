/**
 * The judge validator inside a run: it calls another candidate of the suite over HTTP (a real
 * node:http server speaking OpenAI chat completions), its cost reaches the summary, and a rerun
 * of the suite asks neither the candidates nor the judge anything again (the cache).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSuite } from '../../src/pipeline/run-suite.js';

let server: Server;
let baseUrl = '';
const seen: Array<{ model: string; judge: boolean }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const parsed = JSON.parse(body) as { model: string; messages: Array<{ content: string }> };
      const judge = parsed.messages.some((message) => String(message.content).includes('Rubric:'));
      seen.push({ model: parsed.model, judge });
      const content = judge ? JSON.stringify({ score: 0.9, reason: 'polite and correct' }) : 'Refunds take 5 business days.';
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: `chatcmpl-${seen.length}`,
          object: 'chat.completion',
          created: 1,
          model: parsed.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('judge validator in a run', () => {
  it('prices judge calls in the summary and caches them like any call', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-judge-'));
    const cases = ['a', 'b', 'c'].map((id) => JSON.stringify({ id, request: { messages: [{ role: 'user', content: `How long do refunds take? (${id})` }], max_tokens: 50 } }));
    writeFileSync(path.join(dir, 'cases.jsonl'), cases.join('\n') + '\n');
    const price = '{input_per_mtok: 1, output_per_mtok: 2}';
    writeFileSync(
      path.join(dir, 's.yaml'),
      [
        'name: judged',
        'datasets: [{path: cases.jsonl}]',
        'candidates:',
        `  - {id: bot, provider: openai-compatible, model: bot-model, base_url: "${baseUrl}", price: ${price}}`,
        `  - {id: grader, provider: openai-compatible, model: grader-model, base_url: "${baseUrl}", price: ${price}}`,
        'validators: [{judge: {candidate: grader, rubric: "States the refund delay."}}]',
        'run: {stream: false, retries: 0}',
      ].join('\n') + '\n',
    );
    const options = { suitePath: 's.yaml', cwd: dir, env: {}, cacheDir: path.join(dir, 'cache') };
    const first = await runSuite({ ...options, outDir: path.join(dir, 'r1') });
    const judgeCalls = seen.filter((entry) => entry.judge).length;
    expect(judgeCalls).toBe(6); // every answer of both candidates is judged
    expect(seen.filter((entry) => !entry.judge)).toHaveLength(6);
    const card = first.record.summary.scorecards.find((entry) => entry.candidate_id === 'bot')!;
    expect(card.validation_cost_usd).toBeCloseTo(3 * (100 * 1 + 20 * 2) / 1e6, 10);
    expect(card.pass.k).toBe(3);
    expect(first.record.summary.warnings.join('\n')).toMatch(/judge validator calls cost \$0\.0008/);

    const before = seen.length;
    const second = await runSuite({ ...options, outDir: path.join(dir, 'r2') });
    expect(seen.length).toBe(before);
    expect(second.outcome.cacheHits).toBe(6);
    expect(second.record.summary.scorecards.find((entry) => entry.candidate_id === 'bot')!.validation_cost_usd).toBeCloseTo(card.validation_cost_usd!, 10);
  }, 30_000);
});
