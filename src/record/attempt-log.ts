/**
 * attempts.jsonl: the checkpoint. Each attempt is one line, handed to the OS (one write call, no
 * user-space buffer) before `append` returns, so a killed process loses at most the attempts still
 * in flight. A kill in the middle of a write can leave a torn last line: readers detect and skip
 * it, and reopening the log for a resume cuts it off before anything new is appended.
 */
import { closeSync, createReadStream, fsyncSync, openSync, writeSync } from 'node:fs';
import { open, stat, truncate } from 'node:fs/promises';
import { UserInputError } from '../core/errors.js';
import type { Attempt } from '../core/types.js';

const NEWLINE = 0x0a;

export interface AttemptLog {
  append(attempt: Attempt): Promise<void>;
  close(): Promise<void>;
  readonly path: string;
}

export interface OpenAttemptLogOptions {
  /** fsync after each line: survives power loss, not just a killed process; costs a disk flush per attempt. */
  fsync?: boolean;
}

/** Opens (creating or resuming) a log for appending. A torn last line is removed first. */
export async function openAttemptLog(file: string, options: OpenAttemptLogOptions = {}): Promise<AttemptLog> {
  await repairAttemptLog(file);
  const fd = openSync(file, 'a');
  const fsync = options.fsync ?? false;
  let closed = false;
  return {
    path: file,
    // A synchronous write: a local append costs microseconds (the promise API costs ten times more
    // CPU per call), and when `append` returns the line is in the OS, so a killed process keeps it.
    async append(attempt) {
      if (closed) throw new Error(`attempt log ${file} is closed`);
      const bytes = Buffer.from(`${JSON.stringify(attempt)}\n`);
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      if (fsync) fsyncSync(fd);
    },
    async close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}

/** Cuts a torn last line (bytes after the last newline). Returns how many bytes were cut. */
export async function repairAttemptLog(file: string): Promise<number> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return 0;
  }
  if (size === 0) return 0;
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const index = chunk.subarray(0, bytesRead).lastIndexOf(NEWLINE);
      if (index >= 0) {
        const keep = start + index + 1;
        if (keep < size) await truncate(file, keep);
        return size - keep;
      }
      end = start;
    }
  } finally {
    await handle.close();
  }
  await truncate(file, 0);
  return size;
}

export interface ReadAttemptsOptions {
  /** Called with the torn last line's byte length when one is found (and skipped). */
  onTornLine?(bytes: number, line: number): void;
}

/**
 * Streams the attempts of a log, line by line, in constant memory. A last line without its
 * newline is torn (the writer was killed mid-write) and skipped; a bad line anywhere else is
 * corruption and an error naming file and line.
 */
export async function* readAttempts(file: string, options: ReadAttemptsOptions = {}): AsyncGenerator<Attempt> {
  let lineNumber = 0;
  let remainder: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let data = remainder.length > 0 ? Buffer.concat([remainder, chunk]) : chunk;
    let start = 0;
    for (let index = data.indexOf(NEWLINE, start); index >= 0; index = data.indexOf(NEWLINE, start)) {
      lineNumber += 1;
      const text = data.toString('utf8', start, index);
      start = index + 1;
      if (text.trim() === '') continue;
      yield parseAttemptLine(text, file, lineNumber);
    }
    remainder = start < data.length ? Buffer.from(data.subarray(start)) : Buffer.alloc(0);
    data = Buffer.alloc(0);
  }
  if (remainder.length > 0) options.onTornLine?.(remainder.length, lineNumber + 1);
}

function parseAttemptLine(text: string, file: string, line: number): Attempt {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserInputError(`corrupt attempt log line: ${(error as Error).message}`, {
      location: { file, line },
      hint: 'Only the last line of a log may be torn; this one is in the middle. Restore the file or start a new run.',
    });
  }
  const attempt = value as Partial<Attempt>;
  if (!attempt || typeof attempt.case_id !== 'string' || typeof attempt.candidate_id !== 'string' || typeof attempt.repeat !== 'number') {
    throw new UserInputError('attempt log line lacks case_id, candidate_id or repeat', { location: { file, line } });
  }
  return attempt as Attempt;
}

/** The identity of an attempt: exactly one line per key in a complete run. */
export function toAttemptKey(caseId: string, candidateId: string, repeat: number): string {
  return `${caseId}\u0000${candidateId}\u0000${repeat}`;
}

export interface AttemptLogIndex {
  keys: Set<string>;
  count: number;
  duplicates: number;
  tornBytes: number;
}

/** Reads which attempts a log already holds, for `--resume` (only the keys stay in memory). */
export async function indexAttemptLog(file: string): Promise<AttemptLogIndex> {
  const index: AttemptLogIndex = { keys: new Set(), count: 0, duplicates: 0, tornBytes: 0 };
  try {
    await stat(file);
  } catch {
    return index;
  }
  for await (const attempt of readAttempts(file, { onTornLine: (bytes) => (index.tornBytes = bytes) })) {
    const key = toAttemptKey(attempt.case_id, attempt.candidate_id, attempt.repeat);
    if (index.keys.has(key)) index.duplicates += 1;
    else index.keys.add(key);
    index.count += 1;
  }
  return index;
}
