/**
 * Datasets are JSONL read as a stream, one case a line. A bad line is an error naming the file
 * and line, never skipped silently: with `skipInvalid` it is counted and reported instead.
 */
import { createReadStream } from 'node:fs';
import { UserInputError } from '../core/errors.js';
import type { Case } from '../core/types.js';
import { DatasetLineSchema } from './dataset-schema.js';
import { formatFieldPath } from './zod-issues.js';

export interface InvalidLine {
  file: string;
  line: number;
  message: string;
}

export interface ReadDatasetOptions {
  /** Count and report bad lines instead of failing. */
  skipInvalid?: boolean;
  onInvalid?: (problem: InvalidLine) => void;
}

/** Streams the cases of one JSONL file. Blank lines are allowed; anything else must be a case. */
export async function* readDataset(file: string, displayPath = file, options: ReadDatasetOptions = {}): AsyncGenerator<Case> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
  let lineNumber = 0;
  try {
    for await (const text of splitLines(stream as AsyncIterable<string>)) {
      lineNumber += 1;
      if (text.trim() === '') continue;
      const result = parseDatasetLine(text, displayPath, lineNumber);
      if ('case' in result) {
        yield result.case;
        continue;
      }
      if (options.skipInvalid) {
        options.onInvalid?.(result.problem);
        continue;
      }
      throw new UserInputError(result.problem.message, {
        location: { file: displayPath, line: lineNumber },
        hint: 'Fix or remove the line, or pass --skip-invalid to count and skip bad lines.',
      });
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserInputError(`dataset not found: ${displayPath}`, { hint: 'Dataset paths are relative to the suite file.' });
    }
    throw error;
  } finally {
    stream.destroy();
  }
}

/**
 * Small reads: a run pulls cases a few at a time, and every line read ahead waits long enough to
 * be promoted to the old generation, where it stays as garbage until the next major GC.
 */
const READ_CHUNK_BYTES = 16 * 1024;

/**
 * The lines of a text stream, pulled one chunk at a time. Not node:readline: its async iterator
 * buffers up to a thousand lines ahead of the reader (at 100,000 cases that read-ahead was a
 * large share of the run's peak memory). Line ends are readline's: \n, \r\n or a lone \r.
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  // The unfinished line's pieces: joined once its end arrives, so a long line costs linear time.
  let pieces: string[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let index = chunk.indexOf('\n'); index >= 0; index = chunk.indexOf('\n', start)) {
      let line = chunk.slice(start, index);
      if (pieces.length > 0) {
        pieces.push(line);
        line = pieces.join('');
        pieces = [];
      }
      yield* splitCarriageReturns(line.endsWith('\r') ? line.slice(0, -1) : line);
      start = index + 1;
    }
    if (start < chunk.length) pieces.push(start === 0 ? chunk : chunk.slice(start));
  }
  // A \r ending the file is a line end; readline yields no empty line after it.
  const rest = pieces.join('');
  if (rest !== '') yield* splitCarriageReturns(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
}

function* splitCarriageReturns(line: string): Generator<string> {
  if (!line.includes('\r')) {
    yield line;
    return;
  }
  yield* line.split('\r');
}

export function parseDatasetLine(text: string, file: string, line: number): { case: Case } | { problem: InvalidLine } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: { file, line, message: `not valid JSON: ${(error as Error).message}` } };
  }
  const parsed = DatasetLineSchema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues
      .slice(0, 3)
      .map((issue) => {
        const path = formatFieldPath(issue.path);
        const detail = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}` : issue.message;
        return `${path}: ${detail}`;
      })
      .join('; ');
    return { problem: { file, line, message } };
  }
  const data = parsed.data;
  const result: Case = {
    id: data.id,
    request: data.request as Case['request'],
    tags: data.tags,
    weight: data.weight,
    expect: data.expect,
    source: { file, line },
  };
  if (data.cluster !== undefined) result.cluster = data.cluster;
  return { case: result };
}
