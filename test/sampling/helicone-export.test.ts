/**
 * Files written by Helicone's own export tool (examples/export/typescript in Helicone's repository)
 * against a stand-in for Helicone's query API — see test/fixtures/logs/recorded/README.md for how
 * they were made. Five rows: an OpenRouter chat call and a Gemini generateContent call with their
 * bodies behind signed URLs, a row whose signed URL had expired, a row Helicone never stored
 * (free-tier limit) and a row whose body Helicone kept inline (storage_location "clickhouse").
 */
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { runCli } from '../../src/cli/main.js';
import { sampleLogs } from '../../src/sampling/index.js';
import { createTempDir, FIXTURES, options } from './helpers.js';
import { PassThrough } from 'node:stream';

const EXPORTS = join(FIXTURES, 'recorded', 'helicone-export-tool');
const OPENROUTER_ROW = '7c9e2f4a-1b3d-4e5f-8a6b-9c0d1e2f3a4b';
const GEMINI_ROW = 'e4a1b2c3-d4e5-4f60-8a7b-9c8d7e6f5a4b';
const INLINE_ROW = '8d9e0f1a-2b3c-4d4e-9f6a-7b8c9d0e1f2a';

async function sample(file: string, extra = {}) {
  return sampleLogs(options([join(EXPORTS, file)], { n: 10, ...extra }));
}

async function catchError(promise: Promise<unknown>): Promise<UserInputError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!isUserInputError(error)) throw new Error(`expected a UserInputError, got ${String(error)}`);
  return error;
}

describe('Helicone export tool output', () => {
  it('reads --include-body JSON Lines: bodies become cases, placeholder rows are skipped with the reason', async () => {
    const result = await sample('include-body.jsonl');
    expect(result.inputs[0]).toMatchObject({ format: 'helicone', container: 'jsonl', lines: 5 });
    expect(result.cases.map((sampled) => sampled.id)).toEqual([OPENROUTER_ROW, GEMINI_ROW, INLINE_ROW]);
    expect(result.counts).toMatchObject({ lines: 5, skipped_without_body: 2, eligible: 3, sampled: 3 });

    const [openrouter, gemini, inline] = result.cases;
    expect(openrouter!.request.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(openrouter!.tags).toEqual(['Helicone-Session-Id:flight-delay-7', 'environment:production']);
    expect(openrouter!.cluster).toBe('flight-delay-7');
    expect(openrouter!.expect?.reference).toMatch(/^I'll check the delivery status of the SMS/);
    expect(openrouter!.source).toEqual({ file: join(EXPORTS, 'include-body.jsonl'), line: 1 });
    // Gemini's generateContent body, as Helicone stored it, is replayable like any other.
    expect(gemini!.request.messages).toEqual([{ role: 'user', content: 'why is the sky blue?' }]);
    expect(gemini!.request.max_tokens).toBe(200);
    expect(gemini!.tags).toEqual(['environment:staging']);
    expect(gemini!.expect?.reference).toMatch(/sky/i);
    // The body Helicone kept inline needs no signed URL.
    expect(inline!.request.messages[0]!.content).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'text' })]));

    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatchObject({ count: 1, first: { line: 3 }, message: expect.stringContaining('--include-body') });
    expect(result.warnings[0]!.message).toContain('signed body URL had expired');
    expect(result.warnings[1]).toMatchObject({ count: 1, first: { line: 4 }, message: expect.stringContaining('not_stored_exceeded_free') });
  });

  it('reads an export without --include-body: only the inline body is usable, every other row says why not', async () => {
    const result = await sample('no-body.jsonl');
    expect(result.cases.map((sampled) => sampled.id)).toEqual([INLINE_ROW]);
    expect(result.counts.skipped_without_body).toBe(4);
    expect(result.warnings.map((warning) => warning.count)).toEqual([3, 1]);
  });

  it('fails with the reason when no row has a body', async () => {
    const dir = createTempDir();
    const lines = readFileSync(join(EXPORTS, 'no-body.jsonl'), 'utf8').trim().split('\n').slice(0, 4);
    const path = join(dir, 'bodiless.jsonl');
    (await import('node:fs')).writeFileSync(path, lines.join('\n') + '\n');
    const error = await catchError(sampleLogs(options([path])));
    expect(error.message).toBe('none of the 4 model calls in the logs has its request body, so there is nothing to replay');
    expect(error.location).toMatchObject({ file: path, line: 1 });
    expect(error.hint).toContain('Export again with --include-body');
  });

  it('reads the tool\'s --format json output (a pretty-printed array with a trailing comma) like its JSON Lines', async () => {
    const lines = await sample('include-body.jsonl');
    const array = await sample('include-body.json');
    expect(array.inputs[0]).toMatchObject({ format: 'helicone', container: 'json-array', lines: 5 });
    expect(array.cases.map(({ source: _source, ...rest }) => rest)).toEqual(lines.cases.map(({ source: _source, ...rest }) => rest));
    expect(array.cases[0]!.source.line).toBe(2);
    expect(array.counts.skipped_without_body).toBe(2);
  });

  it('refuses a --format json export the tool cut short, naming how many records it holds', async () => {
    const error = await catchError(sample('include-body-truncated.json'));
    expect(error.message).toBe('the JSON array is not closed: the file ends after 1 complete record(s)');
    expect(error.hint).toContain('--format jsonl');
  });

  it('reads the tool\'s --format csv output, whose JSON cells have their quotes doubled twice', async () => {
    const lines = await sample('include-body.jsonl');
    const csv = await sample('include-body.csv');
    expect(csv.inputs[0]).toMatchObject({ format: 'helicone', container: 'csv', lines: 5 });
    // The CSV has no request_id or response_body column: ids fall back to the response id, no reference.
    expect(csv.cases.map((sampled) => sampled.request)).toEqual(lines.cases.map((sampled) => sampled.request));
    expect(csv.cases.map((sampled) => sampled.tags)).toEqual(lines.cases.map((sampled) => sampled.tags));
    expect(csv.cases.map((sampled) => sampled.source.line)).toEqual([2, 3, 6]);
    expect(csv.cases.every((sampled) => sampled.expect?.reference === undefined)).toBe(true);
    expect(csv.counts.skipped_without_body).toBe(2);
  });

  it('reads a CSV written the way Helicone\'s web UI exports (objects as JSON text, Papa.unparse)', async () => {
    // web/components/shared/themed/table/exportButton.tsx: every object cell JSON.stringify-ed, then Papa.unparse.
    const rows = readFileSync(join(EXPORTS, 'include-body.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const processed = rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value !== null && typeof value === 'object' ? JSON.stringify(value) : value])));
    const dir = createTempDir();
    const path = join(dir, 'data.csv');
    writeFileSync(path, Papa.unparse(processed));
    const fromUi = await sampleLogs(options([path], { n: 10 }));
    const fromTool = await sample('include-body.jsonl');
    expect(fromUi.inputs[0]).toMatchObject({ format: 'helicone', container: 'csv', lines: 5 });
    expect(fromUi.cases.map(({ source: _source, ...rest }) => rest)).toEqual(fromTool.cases.map(({ source: _source, ...rest }) => rest));
  });

  it('reads ClickHouse times as UTC for --since', async () => {
    // Row times: 04:55:55.412 and 05:10:44.530 on 2026-01-07, 13:21:04.086 on 2025-09-18 (UTC, no zone written).
    const result = await sample('include-body.jsonl', { since: Date.UTC(2026, 0, 7, 4, 55, 55, 412) });
    expect(result.cases.map((sampled) => sampled.id)).toEqual([OPENROUTER_ROW, INLINE_ROW]);
    const later = await sample('include-body.jsonl', { since: Date.UTC(2026, 0, 7, 4, 55, 55, 413) });
    expect(later.cases.map((sampled) => sampled.id)).toEqual([INLINE_ROW]);
  });

  it('prints the skipped rows on stderr and keeps them in the meta file', async () => {
    const dir = createTempDir();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk) => (out += chunk));
    stderr.on('data', (chunk) => (err += chunk));
    const code = await runCli(['sample', join(EXPORTS, 'include-body.jsonl'), '--n', '5', '--out', 'x.jsonl'], { stdout, stderr, env: {}, cwd: dir });
    expect(code).toBe(0);
    expect(out).toContain('2 without a usable request body skipped');
    expect(err).toContain(`warning: 1 record(s), first at ${join(EXPORTS, 'include-body.jsonl')}:3: Helicone exported a placeholder`);
    const meta = JSON.parse(readFileSync(join(dir, 'x.meta.json'), 'utf8')) as { counts: Record<string, number>; warnings: unknown[]; inputs: unknown[] };
    expect(meta.counts.skipped_without_body).toBe(2);
    expect(meta.warnings).toHaveLength(2);
    expect(meta.inputs[0]).toMatchObject({ container: 'jsonl' });
  });
});
