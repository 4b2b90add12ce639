/**
 * Writes the derived files of a run directory atomically (write a temporary file, then rename),
 * so a crash never leaves a half-written run.json for `--resume` or a reporter to trip on.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunRecordFile } from './types.js';

export async function writeFileAtomic(file: string, contents: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, contents, 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function writeRunRecord(runDir: string, record: RunRecordFile): Promise<void> {
  await writeFileAtomic(path.join(runDir, 'run.json'), JSON.stringify(record, null, 2) + '\n');
}

/** `demo-support-bot-20261125-101502-3f2a`: sortable, readable, unique enough for one machine. */
export function createRunId(suiteName: string, now: Date = new Date()): string {
  const slug = suiteName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'run';
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${slug}-${stamp}-${randomBytes(2).toString('hex')}`;
}
