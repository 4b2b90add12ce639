/**
 * End to end: a log of recorded native Anthropic bodies → `chainproof sample` → a dataset that the
 * suite loader accepts → replayed on the built-in simulator by an OpenAI-protocol candidate.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { Attempt, Case } from '../../src/core/types.js';
import { readDataset } from '../../src/config/read-dataset.js';
import { runSuite } from '../../src/pipeline/run-suite.js';
import { createTempDir, FIXTURES, writeLog } from './helpers.js';

function createIo(cwd: string) {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk) => (out += chunk));
  return { io: { stdout, stderr: new PassThrough(), env: {}, cwd }, read: () => out };
}

describe('native Anthropic log → sample → dataset → simulator run', () => {
  it('samples, says what it converted and dropped, and the dataset runs against an OpenAI-protocol candidate', async () => {
    const dir = createTempDir();
    const recorded = readFileSync(join(FIXTURES, 'recorded', 'anthropic-dd-trace-py.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { request: unknown });
    // As an app's own request logging writes them: one native body a line.
    const log = writeLog(dir, 'anthropic.jsonl', recorded.map((line) => line.request));
    const { io, read } = createIo(dir);
    expect(await runCli(['sample', log, '--n', '10', '--out', 'datasets/native.jsonl'], io)).toBe(0);
    expect(read()).toContain('converted 4 anthropic-messages to canonical requests; dropped cache_control ×1, content.thinking ×1, thinking ×1');
    const meta = JSON.parse(readFileSync(join(dir, 'datasets', 'native.meta.json'), 'utf8')) as { conversions: unknown };
    expect(meta.conversions).toEqual({ converted: { 'anthropic-messages': 4 }, dropped: { 'content.thinking': 1, thinking: 1, cache_control: 1 } });

    const cases: Case[] = [];
    for await (const loaded of readDataset(join(dir, 'datasets', 'native.jsonl'))) cases.push(loaded);
    expect(cases).toHaveLength(4);
    expect(cases.some((loaded) => loaded.request.messages.some((message) => message.role === 'tool'))).toBe(true);

    writeFileSync(join(dir, 'suite.yaml'), [
      'name: native-e2e',
      'datasets: [{path: datasets/native.jsonl}]',
      'candidates: [{id: gpt, provider: simulated, model: gpt-4o-sim, protocol: openai}]',
      'validators: [tool-call]',
      'run: {repeat: 1, retries: 0, seed: 3}',
    ].join('\n'));
    const run = await runSuite({ suitePath: 'suite.yaml', cwd: dir, env: {}, outDir: join(dir, 'reports'), noCache: true, simulatorLatencyScale: 0.01 });
    const attempts = readFileSync(join(run.runDir, 'attempts.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Attempt);
    expect(attempts).toHaveLength(4);
    expect(attempts.every((attempt) => attempt.simulated === true)).toBe(true);
    // The simulator answers 400 to chat bodies with bad roles, tools or response_format: none was.
    expect(attempts.filter((attempt) => attempt.error?.kind === 'bad_request')).toEqual([]);
  }, 30_000);
});
