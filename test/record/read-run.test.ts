import { mkdtemp, writeFile, mkdir, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import { collectAttempts, readRunAttempts, readRunRecord } from '../../src/record/read-run.js';
import { DEMO_RUN } from '../helpers/run-fixtures.js';

async function runDirWith(attemptsText: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-read-'));
  await copyFile(path.join(DEMO_RUN, 'run.json'), path.join(dir, 'run.json'));
  await writeFile(path.join(dir, 'attempts.jsonl'), attemptsText);
  return dir;
}

const line = (caseId: string) => JSON.stringify({ case_id: caseId, candidate_id: 'a', repeat: 0, status: 'ok', verdicts: [], output: 'x' });

describe('readRunRecord', () => {
  it('reads the manifest and summary of a run directory', async () => {
    const record = await readRunRecord(DEMO_RUN);
    expect(record.run_id).toBe('2026-11-25T09-00-00Z-demo');
    expect(record.summary.proposed_chain).toEqual(['sonnet', 'gpt4o', 'deepseek']);
  });

  it('accepts the path of run.json itself', async () => {
    const record = await readRunRecord(path.join(DEMO_RUN, 'run.json'));
    expect(record.run_id).toBe((await readRunRecord(DEMO_RUN)).run_id);
  });

  it('says which directory is not a run', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-empty-'));
    await expect(readRunRecord(dir)).rejects.toThrow(/no run.json in/);
  });

  it('refuses a record written by a newer schema', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-new-'));
    await writeFile(path.join(dir, 'run.json'), JSON.stringify({ schema_version: 99 }));
    await expect(readRunRecord(dir)).rejects.toThrow(/schema_version 99/);
  });

  it('names the field a broken record lacks', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-broken-'));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'run.json'), JSON.stringify({ schema_version: 1, run_id: 'x' }));
    const error = await readRunRecord(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).location?.path).toBe('simulated');
  });
});

describe('readRunAttempts', () => {
  it('streams every attempt of the fixture', async () => {
    const attempts = await collectAttempts(readRunAttempts(DEMO_RUN));
    expect(attempts).toHaveLength(300);
    expect(attempts[0]!.case_id).toBe('t-0001');
  });

  it('reports a bad line with its file and line number', async () => {
    const dir = await runDirWith(`${line('a')}\n{not json\n${line('c')}\n`);
    const error = await collectAttempts(readRunAttempts(dir)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).location).toMatchObject({ line: 2 });
  });

  it('skips an unterminated last line (a write cut by an interruption)', async () => {
    const dir = await runDirWith(`${line('a')}\n${line('b')}\n{"case_id": "c", "cand`);
    const attempts = await collectAttempts(readRunAttempts(dir));
    expect(attempts.map((attempt) => attempt.case_id)).toEqual(['a', 'b']);
  });

  it('still rejects a broken last line that was terminated', async () => {
    const dir = await runDirWith(`${line('a')}\n{"case_id": 1}\n`);
    await expect(collectAttempts(readRunAttempts(dir))).rejects.toThrow(/attempt log line lacks case_id/);
  });

  it('yields nothing when the run has no attempts file yet', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-none-'));
    expect(await collectAttempts(readRunAttempts(dir))).toEqual([]);
  });
});
