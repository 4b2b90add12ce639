/**
 * Streams a log file line by line (gzip detected by its magic bytes, decompressed as a stream),
 * calling `onLine` synchronously for each line: no per-line promise, no line array.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserInputError } from '../core/errors.js';

const CHUNK_BYTES = 1 << 20;

const UNREADABLE: Record<string, string> = { ENOENT: 'log file not found', EISDIR: 'a directory, not a log file', EACCES: 'log file not readable (permission denied)' };

export async function isGzipFile(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const head = Buffer.alloc(2);
    // A directory opens on Linux; this read is where it fails, with EISDIR.
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } catch (error) {
    const reason = UNREADABLE[(error as NodeJS.ErrnoException).code ?? ''];
    if (reason) throw new UserInputError(`${reason}: ${path}`, { hint: 'Pass JSON Lines log files (gzip allowed); paths are relative to the current directory.' });
    throw error;
  } finally {
    await handle?.close();
  }
}

/** The file's content as a stream (gunzipped when `gzip`), counting the bytes read from disk into `counter`. */
export function openLogStream(path: string, gzip: boolean, counter: { bytes: number }): Readable {
  const file = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  file.on('data', (chunk) => {
    counter.bytes += chunk.length;
  });
  return gzip ? file.pipe(createGunzip({ chunkSize: CHUNK_BYTES })) : file;
}

/** Calls `onLine(text, lineNumber)` for every line (1-based, `\r\n` tolerated); returns bytes read from disk. */
export async function readLines(path: string, onLine: (text: string, line: number) => void): Promise<{ bytes: number; gzip: boolean }> {
  const gzip = await isGzipFile(path);
  const counter = { bytes: 0 };
  const stream = openLogStream(path, gzip, counter);
  let carry: Buffer | undefined;
  let line = 0;
  const emit = (buffer: Buffer, start: number, end: number): void => {
    line += 1;
    if (end > start && buffer[end - 1] === 13) end -= 1;
    onLine(buffer.toString('utf8', start, end), line);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    let newline = chunk.indexOf(10, start);
    if (carry && newline !== -1) {
      const joined = Buffer.concat([carry, chunk.subarray(0, newline)]);
      carry = undefined;
      emit(joined, 0, joined.length);
      start = newline + 1;
      newline = chunk.indexOf(10, start);
    }
    while (newline !== -1) {
      emit(chunk, start, newline);
      start = newline + 1;
      newline = chunk.indexOf(10, start);
    }
    if (start < chunk.length) carry = carry ? Buffer.concat([carry, chunk.subarray(start)]) : Buffer.from(chunk.subarray(start));
  }
  if (carry && carry.length > 0) emit(carry, 0, carry.length);
  return { bytes: counter.bytes, gzip };
}
