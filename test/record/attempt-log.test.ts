import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/core/types.js';
import { indexAttemptLog, openAttemptLog, readAttempts, repairAttemptLog, toAttemptKey } from '../../src/record/attempt-log.js';

function makeAttempt(caseId: string, repeat = 0, output = 'ok'): Attempt {
  return { case_id: caseId, candidate_id: 'a', repeat, status: 'ok', retries: 0, latency_ms: 1, usage: { input_tokens: 1, output_tokens: 1 }, cost_usd: 0, output, finish_reason: 'stop', warnings: [], verdicts: [] };
}

async function tempFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(os.tmpdir(), 'chainproof-log-')), 'attempts.jsonl');
}

async function collect(file: string, onTornLine?: (bytes: number, line: number) => void): Promise<Attempt[]> {
  const out: Attempt[] = [];
  for await (const attempt of readAttempts(file, onTornLine ? { onTornLine } : {})) out.push(attempt);
  return out;
}

describe('attempt log', () => {
  it('appends concurrent attempts as whole lines, each on disk when append resolves', async () => {
    const file = await tempFile();
    const log = await openAttemptLog(file);
    await Promise.all(Array.from({ length: 500 }, (_, index) => log.append(makeAttempt(`c${index}`, 0, 'é'.repeat(index % 7)))));
    const text = await readFile(file, 'utf8');
    await log.close();
    expect(text.endsWith('\n')).toBe(true);
    const attempts = await collect(file);
    expect(attempts.map((attempt) => attempt.case_id)).toEqual(Array.from({ length: 500 }, (_, index) => `c${index}`));
  });

  it('detects and skips a torn last line, and a resume cuts it off before appending', async () => {
    const file = await tempFile();
    const whole = `${JSON.stringify(makeAttempt('c0'))}\n${JSON.stringify(makeAttempt('c1'))}\n`;
    const torn = JSON.stringify(makeAttempt('c2')).slice(0, 40);
    await writeFile(file, whole + torn);
    const torns: Array<[number, number]> = [];
    expect((await collect(file, (bytes, line) => torns.push([bytes, line]))).map((attempt) => attempt.case_id)).toEqual(['c0', 'c1']);
    expect(torns).toEqual([[40, 3]]);
    const index = await indexAttemptLog(file);
    expect(index).toMatchObject({ count: 2, tornBytes: 40, duplicates: 0 });
    expect(index.keys.has(toAttemptKey('c1', 'a', 0))).toBe(true);

    const log = await openAttemptLog(file);
    await log.append(makeAttempt('c2'));
    await log.close();
    expect((await collect(file)).map((attempt) => attempt.case_id)).toEqual(['c0', 'c1', 'c2']);
  });

  it('repairs a log that is nothing but a torn line, and leaves a clean one alone', async () => {
    const file = await tempFile();
    await writeFile(file, '{"case_id":"c0","cand');
    expect(await repairAttemptLog(file)).toBe(21);
    expect(await readFile(file, 'utf8')).toBe('');
    await writeFile(file, `${JSON.stringify(makeAttempt('c0'))}\n`);
    expect(await repairAttemptLog(file)).toBe(0);
    expect(await repairAttemptLog(path.join(path.dirname(file), 'missing.jsonl'))).toBe(0);
  });

  it('repairs across the read-back chunk boundary', async () => {
    const file = await tempFile();
    await writeFile(file, `${JSON.stringify(makeAttempt('c0'))}\n`);
    await appendFile(file, JSON.stringify(makeAttempt('big', 0, 'x'.repeat(200_000))));
    const cut = await repairAttemptLog(file);
    expect(cut).toBeGreaterThan(200_000);
    expect((await collect(file)).map((attempt) => attempt.case_id)).toEqual(['c0']);
  });

  it('reports a corrupt line in the middle with file and line', async () => {
    const file = await tempFile();
    await writeFile(file, `${JSON.stringify(makeAttempt('c0'))}\n{"case_id": broken\n${JSON.stringify(makeAttempt('c1'))}\n`);
    await expect(collect(file)).rejects.toMatchObject({ name: 'UserInputError', location: { file, line: 2 } });
  });

  it('counts duplicates when indexing', async () => {
    const file = await tempFile();
    await writeFile(file, [makeAttempt('c0'), makeAttempt('c0'), makeAttempt('c0', 1)].map((attempt) => JSON.stringify(attempt) + '\n').join(''));
    expect(await indexAttemptLog(file)).toMatchObject({ count: 3, duplicates: 1 });
  });
});
