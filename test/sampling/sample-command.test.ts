import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { createTempDir, FIXTURES } from './helpers.js';

function createIo(cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  return { io: { stdout, stderr, env: {}, cwd }, read: () => ({ out, err }) };
}

describe('chainproof sample', () => {
  it('writes the dataset and its meta sidecar', async () => {
    const dir = createTempDir();
    const { io, read } = createIo(dir);
    const code = await runCli(['sample', join(FIXTURES, 'litellm.jsonl'), join(FIXTURES, 'helicone.jsonl'), '--n', '2', '--out', 'datasets/x.jsonl', '--seed', '3', '--scrub-pii', '--json'], io);
    expect(code).toBe(0);
    const lines = readFileSync(join(dir, 'datasets/x.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { source: { file: string } });
    expect(lines).toHaveLength(2);
    const meta = JSON.parse(readFileSync(join(dir, 'datasets/x.meta.json'), 'utf8')) as Record<string, any>;
    expect(meta.parameters).toMatchObject({ n: 2, seed: '3', scrub_pii: true });
    expect(meta.inputs.map((input: { format: string }) => input.format)).toEqual(['litellm', 'helicone']);
    expect(meta.counts).toMatchObject({ lines: 3, eligible: 3, sampled: 2 });
    expect(JSON.parse(read().out)).toMatchObject({ sampled: 2 });
  });

  it('exits 2 with a located message on bad input, writing nothing', async () => {
    const dir = createTempDir();
    const { io, read } = createIo(dir);
    expect(await runCli(['sample', join(FIXTURES, 'README.md'), '--n', '2', '--out', 'x.jsonl'], io)).toBe(2);
    expect(read().err).toMatch(/README\.md:1/);
    expect(existsSync(join(dir, 'x.jsonl'))).toBe(false);
    expect(await runCli(['sample', join(FIXTURES, 'openai.jsonl'), '--n', 'lots', '--out', 'x.jsonl'], io)).toBe(2);
    expect(await runCli(['sample', join(FIXTURES, 'openai.jsonl'), '--n', '2', '--out', 'x.jsonl', '--dedupe', 'fuzzy'], io)).toBe(2);
    expect(read().err).toContain('--dedupe must be one of exact, template');
    expect(await runCli(['sample', join(FIXTURES, 'openai.jsonl'), '--n', '2', '--out', 'x.jsonl', '--format', 'csv'], io)).toBe(2);
    expect(read().err).toContain('--format csv: JSON Lines, JSON arrays, CSV and gzip are recognised from the file itself');
    expect(await runCli(['sample', join(dir, 'missing.jsonl'), '--n', '2', '--out', 'x.jsonl'], io)).toBe(2);
    expect(read().err).toContain(`log file not found: ${join(dir, 'missing.jsonl')}`);
    expect(await runCli(['sample', dir, '--n', '2', '--out', 'x.jsonl'], io)).toBe(2);
    expect(read().err).toContain('a directory, not a log file');
    expect(existsSync(join(dir, 'x.jsonl'))).toBe(false);
  });

  it('refuses to write an empty dataset, saying where the records went', async () => {
    const dir = createTempDir();
    const { io, read } = createIo(dir);
    writeFileSync(join(dir, 'empty.csv'), 'request_id,request_body\n');
    writeFileSync(join(dir, 'one.jsonl'), `${JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] })}\n`);
    // Provenance keeps the log's name as given, not this machine's absolute path: datasets get committed.
    expect(await runCli(['sample', 'one.jsonl', '--n', '1', '--out', 'one-sample.jsonl'], io)).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'one-sample.jsonl'), 'utf8')).source).toEqual({ file: 'one.jsonl', line: 1 });
    expect(JSON.parse(readFileSync(join(dir, 'one-sample.meta.json'), 'utf8')).inputs[0].file).toBe('one.jsonl');
    expect(await runCli(['sample', 'empty.csv', '--n', '2', '--out', 'x.jsonl'], io)).toBe(2);
    expect(read().err).toContain('the logs hold no records: empty.csv');
    expect(await runCli(['sample', join(FIXTURES, 'openai.jsonl'), '--n', '2', '--out', 'x.jsonl', '--where', 'model == "nope"', '--since', '2020-01-01'], io)).toBe(2);
    expect(read().err).toMatch(/none of the \d+ records in the logs is left to sample: \d+ left out by --where "model == \\"nope\\""/);
    expect(existsSync(join(dir, 'x.jsonl'))).toBe(false);
    expect(existsSync(join(dir, 'x.meta.json'))).toBe(false);
  });
});
