import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

let dir: string;

function makeIo() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { io: { stdout, stderr, env: {}, cwd: dir }, out: () => out, err: () => err };
}

const schema = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-score-'));
  const answers = [
    { id: 'a1', output: '```json\n{"n": 1}\n```', schema },
    { id: 'a2', output: 'Here: {"n": "one"}', schema },
    { id: 'a3', output: 'no schema here' },
    { id: 'a4', output: 'def f(:\n  pass', language: 'python' },
  ];
  await writeFile(path.join(dir, 'answers.jsonl'), answers.map((line) => JSON.stringify(line)).join('\n') + '\n');
  await writeFile(path.join(dir, 'bad.jsonl'), '{"id": "x", "output": "ok"}\n{not json}\n');
  await writeFile(
    path.join(dir, 'cases.jsonl'),
    [
      { id: 'c1', request: { messages: [{ role: 'user', content: 'json please' }], response_format: { type: 'json_schema', json_schema: { name: 'n', schema } } } },
      { id: 'c2', request: { messages: [{ role: 'user', content: 'python please' }] }, expect: { language: 'python' } },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n'),
  );
  await writeFile(
    path.join(dir, 'suite.yaml'),
    ['name: t', 'datasets: [{path: cases.jsonl}]', 'candidates: [{id: sim, provider: simulated, model: m}]', 'validators: [json-schema, {code-syntax: {languages: [python]}}]'].join('\n'),
  );
  await writeFile(path.join(dir, 'suite-answers.jsonl'), [{ id: 'c1', output: '{"n": 2}' }, { id: 'c2', output: '```python\nprint "x"\n```' }].map((line) => JSON.stringify(line)).join('\n'));
});

describe('chainproof score --validator', () => {
  it('writes one verdict line per answer to --out and a summary to stderr', async () => {
    const { io, err } = makeIo();
    const code = await runCli(['score', '--validator', 'json-schema', '--in', 'answers.jsonl', '--out', 'verdicts.jsonl'], io);
    expect(code).toBe(0);
    const lines = (await readFile(path.join(dir, 'verdicts.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.id, line.pass, line.categories])).toEqual([
      ['a1', true, []],
      ['a2', false, ['schema_mismatch']],
      ['a3', true, ['not_applicable']],
      ['a4', true, ['not_applicable']],
    ]);
    expect(lines[1].reasons[0]).toEqual({ message: 'must be integer', location: '/n' });
    expect(err()).toContain('json-schema: 1 passed, 1 failed, 2 not applicable');
  });

  it('takes validator options as JSON and prints to stdout without --out', async () => {
    const { io, out } = makeIo();
    expect(await runCli(['score', '--validator', 'json-schema', '--options', '{"mode":"strict"}', '--in', 'answers.jsonl'], io)).toBe(0);
    expect(JSON.parse(out().split('\n')[0]!)).toMatchObject({ id: 'a1', pass: false, categories: ['not_bare_json'] });
  });

  it('exits 2 naming the file and line of a bad answer line, and leaves no partial --out file', async () => {
    const { io, err } = makeIo();
    expect(await runCli(['score', '--validator', 'json-schema', '--in', 'bad.jsonl', '--out', 'partial.jsonl'], io)).toBe(2);
    expect(err()).toContain('bad.jsonl:2');
    await expect(readFile(path.join(dir, 'partial.jsonl'))).rejects.toThrow();
  });

  it('exits 2, not a crash, when --in is a directory', async () => {
    const { io, err } = makeIo();
    expect(await runCli(['score', '--validator', 'json-schema', '--in', '.'], io)).toBe(2);
    expect(err()).toContain('cannot read answers file .: it is a directory');
  });

  it('exits 2 for an unknown validator with a suggestion', async () => {
    const { io, err } = makeIo();
    expect(await runCli(['score', '--validator', 'code-sytax', '--in', 'answers.jsonl'], io)).toBe(2);
    expect(err()).toContain('Did you mean "code-syntax"?');
  });
});

describe('chainproof score SUITE --answers', () => {
  it('scores answers against the suite cases with every suite validator', async () => {
    const { io, out } = makeIo();
    expect(await runCli(['score', 'suite.yaml', '--answers', 'suite-answers.jsonl'], io)).toBe(0);
    const lines = out().trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.id, line.validator, line.pass, line.categories[0]])).toEqual([
      ['c1', 'json-schema', true, undefined],
      ['c1', 'code-syntax', true, 'not_applicable'],
      ['c2', 'json-schema', true, 'not_applicable'],
      ['c2', 'code-syntax', false, 'syntax_error'],
    ]);
  });
});

describe('a closed stdout pipe', () => {
  it('ends the command with 141 (as SIGPIPE would), not a crash', async () => {
    const { Writable } = await import('node:stream');
    const stdout = new Writable({
      highWaterMark: 1,
      write: (_chunk, _encoding, done) => done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })),
    });
    stdout.on('error', () => undefined);
    const stderr = new PassThrough();
    const code = await runCli(['score', '--validator', 'json-schema', '--in', 'answers.jsonl'], { stdout, stderr, env: {}, cwd: dir });
    expect(code).toBe(141);
  });
});
