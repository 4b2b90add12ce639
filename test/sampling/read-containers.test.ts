import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { parseDateText, sampleLogs } from '../../src/sampling/index.js';
import { readCell } from '../../src/sampling/read-csv.js';
import { JsonArraySplitter } from '../../src/sampling/read-json-array.js';
import { readRecords } from '../../src/sampling/read-records.js';
import { createTempDir, options } from './helpers.js';

function split(text: string, chunkSize: number): Array<[unknown, number]> {
  const out: Array<[unknown, number]> = [];
  const splitter = new JsonArraySplitter('x.json', (element, line) => out.push([JSON.parse(element), line]));
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += chunkSize) splitter.write(bytes.subarray(at, at + chunkSize));
  splitter.end();
  return out;
}

function failure(run: () => unknown): UserInputError {
  try {
    run();
  } catch (error) {
    if (isUserInputError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserInputError');
}

const TRICKY = '[\n  {"a": "}]{[,\\"", "b": [1, {"c": "é ✓"}]},\n  {"d": "\\\\"}\n  ,{"e": {}}\n]\n';

describe('JSON array splitter', () => {
  it('splits elements whatever the chunk boundaries, strings with brackets and escapes included', () => {
    const expected = [[{ a: '}]{[,"', b: [1, { c: 'é ✓' }] }, 2], [{ d: '\\' }, 3], [{ e: {} }, 4]];
    for (const size of [1, 2, 3, 5, 7, 64]) expect(split(TRICKY, size)).toEqual(expected);
  });

  it('accepts a trailing comma and an empty array', () => {
    expect(split('[{"a":1},\n{"a":2},\n]\n', 4)).toEqual([[{ a: 1 }, 1], [{ a: 2 }, 2]]);
    expect(split(' [ ] ', 1)).toEqual([]);
  });

  it('rejects what is not an array of objects, with the line', () => {
    expect(failure(() => split('[{"a":1},,{"a":2}]', 64)).message).toBe('unexpected , in the array (an empty element?)');
    expect(failure(() => split('[{"a":1} {"a":2}]', 64)).message).toBe('expected , or ] between array elements');
    expect(failure(() => split('[\n"text"]', 64))).toMatchObject({ message: 'expected an object ({…}) for each log record in the array', location: { file: 'x.json', line: 2 } });
    expect(failure(() => split('[{"a":1}]\n{"b":2}', 64)).message).toBe('text after the closing ] of the array');
    expect(failure(() => split('', 64)).message).toBe('the file is empty: expected a JSON array');
    expect(failure(() => split('[{"a":1},\n{"a":', 3)).message).toBe('the JSON array is not closed: the file ends after 1 complete record(s)');
  });
});

describe('CSV cells', () => {
  it('parses JSON cells, including JSON whose quotes were doubled once more (Helicone)', () => {
    expect(readCell('{"a":[1,"x"]}')).toEqual({ a: [1, 'x'] });
    expect(readCell('{""model"":""gpt-4o"",""empty"":""""}')).toEqual({ model: 'gpt-4o', empty: '' });
    expect(readCell('{not json}')).toBe('{not json}');
    expect(readCell('plain text, with a comma')).toBe('plain text, with a comma');
  });
});

describe('containers', () => {
  it('detects JSON Lines, JSON arrays and CSV (gzip too) from the content, not the name', async () => {
    const dir = createTempDir();
    const files = {
      'a.log': '{"x":1}\n\n{"x":2}\n',
      'b.log': '\uFEFF  [{"x":1},{"x":2}]',
      'c.txt': 'x,y\n1,"{""k"":2}"\n3,\n',
      'd.csv.gz': gzipSync('x\n1\n2\n'),
      'e.csv': 'x,y\r\n"two\r\nlines",1\r\n\r\n"a ""quoted"" word",2\r\n',
    } as const;
    const seen: Record<string, unknown[]> = {};
    for (const [name, content] of Object.entries(files)) {
      const path = join(dir, name);
      writeFileSync(path, content);
      seen[name] = [];
      const summary = await readRecords(path, { record: (raw, line) => seen[name]!.push([raw, line]), blank: (line) => seen[name]!.push(['blank', line]) });
      seen[name]!.push(summary.container);
    }
    expect(seen['a.log']).toEqual([[{ x: 1 }, 1], ['blank', 2], [{ x: 2 }, 3], 'jsonl']);
    expect(seen['b.log']).toEqual([[{ x: 1 }, 1], [{ x: 2 }, 1], 'json-array']);
    expect(seen['c.txt']).toEqual([[{ x: '1', y: { k: 2 } }, 2], [{ x: '3' }, 3], 'csv']);
    expect(seen['d.csv.gz']).toEqual([[{ x: '1' }, 2], [{ x: '2' }, 3], 'csv']);
    // A quoted cell over two lines, a blank line, CRLF endings: each row keeps the line it starts on.
    expect(seen['e.csv']).toEqual([[{ x: 'two\r\nlines', y: '1' }, 2], [{ x: 'a "quoted" word', y: '2' }, 5], 'csv']);
  });

  it('says how to turn an API response ({data: [...]}) into records, pretty-printed or not', async () => {
    const dir = createTempDir();
    const rows = [{ request_id: 'r1', request_body: { messages: [{ role: 'user', content: 'hi' }] } }];
    const pretty = join(dir, 'page.json');
    writeFileSync(pretty, JSON.stringify({ data: rows, error: null }, null, 2));
    const compact = join(dir, 'page.jsonl');
    writeFileSync(compact, JSON.stringify({ data: rows, error: null }));
    for (const path of [pretty, compact]) {
      const error = await sampleLogs(options([path])).then(() => undefined, (caught: unknown) => caught);
      expect(isUserInputError(error) && error.hint).toContain("jq -c '.data[]'");
      expect(isUserInputError(error) && error.location).toMatchObject({ file: path, line: 1 });
    }
  });

  it('names the line of a CSV row with the wrong number of cells', async () => {
    const dir = createTempDir();
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'a,b\n1,2\n3,4,5\n');
    const error = await readRecords(path, { record: () => undefined, blank: () => undefined }).then(() => undefined, (caught: unknown) => caught);
    expect(isUserInputError(error) && error.location).toMatchObject({ file: path, line: 3 });
  });
});

describe('times without a zone', () => {
  it('are UTC whatever the machine\'s zone (ClickHouse and Postgres print UTC that way)', () => {
    const original = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      // The test means something only if JavaScript alone would read local time here.
      expect(Date.parse('2025-09-18T13:21:04.086')).not.toBe(Date.UTC(2025, 8, 18, 13, 21, 4, 86));
      expect(parseDateText('2025-09-18 13:21:04.086')).toBe(Date.UTC(2025, 8, 18, 13, 21, 4, 86));
      expect(parseDateText('2025-09-18T13:21')).toBe(Date.UTC(2025, 8, 18, 13, 21));
      expect(parseDateText('2025-09-18')).toBe(Date.UTC(2025, 8, 18));
      expect(parseDateText('2025-09-18T13:21:04+02:00')).toBe(Date.UTC(2025, 8, 18, 11, 21, 4));
      expect(parseDateText('yesterday')).toBeUndefined();
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
