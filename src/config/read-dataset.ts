/**
 * Datasets are JSONL read as a stream, one case a line. A bad line is an error naming the file
 * and line, never skipped silently: with `skipInvalid` it is counted and reported instead.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
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
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const text of lines) {
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
    lines.close();
    stream.destroy();
  }
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
