import { describe, expect, it } from 'vitest';
import { extractJson } from '../../../src/validators/extract/extract-json.js';

const extract = (output: string, extra: Partial<Parameters<typeof extractJson>[1]> = {}) =>
  extractJson(output, { mode: 'extract', lenient: false, ...extra });

describe('extractJson payload selection', () => {
  it('takes bare JSON as it is', () => {
    expect(extract('  {"a": 1}\n')).toEqual({ ok: true, value: { a: 1 }, source: 'whole' });
  });

  it('prefers a json-tagged fence over an earlier untagged one', () => {
    const answer = 'Example:\n```\n{"wrong": true}\n```\nAnswer:\n```json\n{"right": true}\n```\n';
    expect(extract(answer)).toMatchObject({ ok: true, value: { right: true }, source: 'fence' });
  });

  it('takes the first untagged fence when none is tagged json, else the first fence', () => {
    expect(extract('```python\nx\n```\n```\n{"u": 1}\n```')).toMatchObject({ value: { u: 1 } });
    expect(extract('```js\n{"a": 2}\n```')).toMatchObject({ value: { a: 2 } });
  });

  it('reads tilde fences, longer closing fences, indented fences and an unclosed fence', () => {
    expect(extract('~~~json\n{"t": 1}\n~~~')).toMatchObject({ value: { t: 1 } });
    expect(extract('````json\n{"s": "```"}\n`````\n')).toMatchObject({ value: { s: '```' } });
    expect(extract('Result:\n   ```json\n   {"i": 1}\n   ```')).toMatchObject({ value: { i: 1 } });
    expect(extract('Here:\n```json\n{"open": true}\n')).toMatchObject({ value: { open: true } });
    expect(extract('1. item\n\n   ```json\n   {"list": 1}\n   ```\n')).toMatchObject({ value: { list: 1 } });
  });

  it('strips a leading reasoning block, even one containing JSON', () => {
    expect(extract('<think>maybe {"a": 0}?</think>\n{"a": 1}')).toMatchObject({ ok: true, value: { a: 1 } });
    expect(extract('reasoning without opening tag</think>{"b": 2}')).toMatchObject({ value: { b: 2 } });
    expect(extract('<think>never finished {"a": 1}')).toMatchObject({ ok: false, category: 'no_json' });
  });

  it('finds a balanced span inside prose, ignoring braces inside strings', () => {
    expect(extract('Sure! Here you go: {"text": "a } brace"} Hope it helps.')).toMatchObject({ value: { text: 'a } brace' } });
  });

  it('skips a bracketed aside that is not JSON', () => {
    expect(extract('Per the docs [see section 2], the answer is {"ok": true}.')).toMatchObject({ value: { ok: true } });
  });

  it('skips array spans when the schema wants an object', () => {
    expect(extract('As noted in [1], {"ok": true}', { rootType: 'object' })).toMatchObject({ value: { ok: true } });
    expect(extract('As noted in [1], {"ok": true}')).toMatchObject({ value: [1] });
  });

  it('tolerates prose after JSON that starts the answer', () => {
    expect(extract('{"a": 1}\n\nLet me know if you need more.')).toMatchObject({ ok: true, value: { a: 1 } });
  });
});

describe('extractJson strictness', () => {
  it('rejects a trailing comma with its location, unless lenient', () => {
    const result = extract('```json\n{\n  "a": 1,\n}\n```');
    expect(result).toMatchObject({ ok: false, category: 'invalid_json', location: '3:9' });
    expect(result.ok || result.message).toContain('trailing comma');
    expect(extract('```json\n{\n  "a": 1,\n}\n```', { lenient: true })).toMatchObject({ ok: true, value: { a: 1 } });
  });

  it('rejects comments and single quotes, naming them', () => {
    const comment = extract('{"a": 1 // one\n}');
    expect(comment.ok || comment.message).toContain('comment');
    const quotes = extract("{'a': 1}");
    expect(quotes.ok || quotes.message).toContain('single-quoted');
    expect(extract("{'a': 1, /* c */ b: [2,],}", { lenient: true })).toMatchObject({ ok: true, value: { a: 1, b: [2] } });
  });

  it('reports a truncated answer as cut short', () => {
    const result = extract('{"items": [{"id": 1}, {"id"');
    expect(result).toMatchObject({ ok: false, category: 'invalid_json' });
    expect(result.ok || result.message).toContain('cut short');
  });

  it('locates an error inside an indented fence in answer coordinates', () => {
    const result = extract('Intro\n\n  ```json\n  {"a": 1\n  "b": 2}\n  ```');
    expect(result).toMatchObject({ ok: false, location: '5:3' });
  });

  it('mode strict wants the raw answer to be JSON', () => {
    expect(extractJson(' {"a": 1} ', { mode: 'strict', lenient: false })).toMatchObject({ ok: true });
    expect(extractJson('```json\n{"a": 1}\n```', { mode: 'strict', lenient: false })).toMatchObject({ ok: false, category: 'not_bare_json', location: '1:1' });
    expect(extractJson('<think>x</think>{"a": 1}', { mode: 'strict', lenient: false })).toMatchObject({ ok: false, category: 'not_bare_json' });
  });

  it('says when there is no JSON at all', () => {
    expect(extract('I cannot help with that.')).toMatchObject({ ok: false, category: 'no_json' });
    expect(extract('')).toMatchObject({ ok: false, category: 'no_json' });
    expect(extract('```json\n```')).toMatchObject({ ok: false, category: 'no_json' });
  });
});
