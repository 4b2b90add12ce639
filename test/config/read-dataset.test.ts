import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseSource } from '../../src/config/case-source.js';
import type { LoadedSuite } from '../../src/config/load-suite.js';
import { parseSuiteText } from '../../src/config/load-suite.js';
import { readDataset, splitLines } from '../../src/config/read-dataset.js';
import { UserInputError } from '../../src/core/errors.js';

const line = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, request: { messages: [{ role: 'user', content: `hello ${id}` }] }, ...extra });

function writeDataset(lines: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cp-data-'));
  const file = path.join(dir, 'cases.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

function suiteFor(file: string, sample = ''): LoadedSuite {
  const text = `name: t\ndatasets: [{path: ${path.basename(file)}${sample}}]\ncandidates: [{id: a, provider: openai, model: m}]\n`;
  return { suite: parseSuiteText(text, 's.yaml'), file: 's.yaml', absolutePath: path.join(path.dirname(file), 's.yaml'), baseDir: path.dirname(file), digest: 'x' };
}

describe('readDataset', () => {
  it('streams cases with defaults and their source line, skipping blank lines', async () => {
    const file = writeDataset([line('a'), '', line('b', { tags: ['x'], weight: 2, expect: { language: 'python' } })]);
    const cases = await collect(readDataset(file, 'cases.jsonl'));
    expect(cases.map((item) => [item.id, item.source?.line, item.weight])).toEqual([
      ['a', 1, 1],
      ['b', 3, 2],
    ]);
    expect(cases[1]!.expect.language).toBe('python');
  });

  it('names the file and line of invalid JSON', async () => {
    const file = writeDataset([line('a'), '{"id": "b", "request": ']);
    const error = await collect(readDataset(file, 'data/cases.jsonl')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).format()).toMatch(/^data\/cases\.jsonl:2: not valid JSON/);
  });

  it('names the field path of a bad case', async () => {
    const file = writeDataset([JSON.stringify({ id: 'a', request: { messages: [{ role: 'robot', content: 'x' }] } })]);
    const error = (await collect(readDataset(file, 'c.jsonl')).catch((caught: unknown) => caught)) as UserInputError;
    expect(error.format()).toContain('c.jsonl:1: request.messages[0].role:');
  });

  it('rejects a model inside a case and unknown top-level keys', async () => {
    const file = writeDataset([JSON.stringify({ id: 'a', request: { model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }, tgs: [] })]);
    const error = (await collect(readDataset(file, 'c.jsonl')).catch((caught: unknown) => caught)) as UserInputError;
    expect(error.message).toContain('unknown key(s) "tgs"');
    expect(error.message).toContain('request.model: the model is set per candidate');
  });

  it('counts bad lines instead of failing with skipInvalid', async () => {
    const file = writeDataset([line('a'), 'nope', line('c')]);
    const problems: number[] = [];
    const cases = await collect(readDataset(file, 'c.jsonl', { skipInvalid: true, onInvalid: (problem) => problems.push(problem.line) }));
    expect(cases.map((item) => item.id)).toEqual(['a', 'c']);
    expect(problems).toEqual([2]);
  });
});

describe('openCaseSource', () => {
  it('selects, limits and digests cases, and streams them again in order', async () => {
    const file = writeDataset(Array.from({ length: 10 }, (_, index) => line(`c${index}`)));
    const source = await openCaseSource(suiteFor(file), { limit: 4 });
    expect(source.count).toBe(4);
    expect((await collect(source.open())).map((item) => item.id)).toEqual(['c0', 'c1', 'c2', 'c3']);
    const again = await openCaseSource(suiteFor(file), { limit: 4 });
    expect(again.casesDigest).toBe(source.casesDigest);
    const other = await openCaseSource(suiteFor(file), { limit: 5 });
    expect(other.casesDigest).not.toBe(source.casesDigest);
  });

  it('samples deterministically for a seed', async () => {
    const file = writeDataset(Array.from({ length: 200 }, (_, index) => line(`c${index}`)));
    const ids = async (seed: number) => (await collect((await openCaseSource(suiteFor(file, `, sample: {n: 20, seed: ${seed}}`))).open())).map((item) => item.id);
    const first = await ids(1);
    expect(first).toHaveLength(20);
    expect(await ids(1)).toEqual(first);
    expect(await ids(2)).not.toEqual(first);
  });

  it('applies --limit before --shard, so the shards of a limited run add up to it', async () => {
    const file = writeDataset(Array.from({ length: 30 }, (_, index) => line(`c${index}`)));
    const whole = await openCaseSource(suiteFor(file), { limit: 12 });
    const shards = await Promise.all(
      [0, 1, 2].map((index) => openCaseSource(suiteFor(file), { limit: 12, select: (id) => Number(id.slice(1)) % 3 === index })),
    );
    const ids = (await Promise.all(shards.map(async (shard) => (await collect(shard.open())).map((item) => item.id)))).flat();
    expect(ids.sort()).toEqual((await collect(whole.open())).map((item) => item.id).sort());
    for (const shard of shards) {
      expect(shard.unselected).toEqual({ count: 12, casesDigest: whole.casesDigest });
      expect(shard.count).toBe(4);
    }
  });

  it('streams the selected cases of a shard across bad lines, and not a case that replaced one since', async () => {
    const file = writeDataset([line('c0'), 'not json', line('c1'), line('c2'), line('c3'), line('c4')]);
    const shard = await openCaseSource(suiteFor(file), { skipInvalid: true, select: (id) => Number(id.slice(1)) % 2 === 0 });
    expect((await collect(shard.open())).map((item) => item.id)).toEqual(['c0', 'c2', 'c4']);
    writeFileSync(file, [line('c0'), 'not json', line('c1'), line('x2'), line('c3'), line('c4')].join('\n') + '\n');
    expect((await collect(shard.open())).map((item) => item.id)).toEqual(['c0', 'c4']);
  });

  it('rejects duplicate case ids with both locations', async () => {
    const file = writeDataset([line('a'), line('b'), line('a')]);
    await expect(openCaseSource(suiteFor(file))).rejects.toThrow(/duplicate case id "a" \(first seen at .*cases\.jsonl:1\)/);
  });
});

describe('splitLines', () => {
  async function* chunksOf(...chunks: string[]) {
    yield* chunks;
  }
  async function collect(...chunks: string[]): Promise<string[]> {
    const lines: string[] = [];
    for await (const line of splitLines(chunksOf(...chunks))) lines.push(line);
    return lines;
  }

  it('splits on \\n, \\r\\n and a lone \\r, like node:readline', async () => {
    expect(await collect('a\nb\r\nc\rd\n\ne')).toEqual(['a', 'b', 'c', 'd', '', 'e']);
  });

  it('joins a line cut across chunks, including a \\r\\n cut between its two characters', async () => {
    expect(await collect('{"id":', '"x"}\r', '\n{"id"', ':"y"}\n')).toEqual(['{"id":"x"}', '{"id":"y"}']);
  });

  it('yields no empty line after a final line end', async () => {
    expect(await collect('a\n')).toEqual(['a']);
    expect(await collect('a\r')).toEqual(['a']);
    expect(await collect('')).toEqual([]);
  });
});
