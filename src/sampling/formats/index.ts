/** The log formats in detection order (most specific first), and per-file detection. */
import { UserInputError } from '../../core/errors.js';
import { describe } from '../to-canonical.js';
import type { FormatSpec, LogFormat, SourceLine } from '../types.js';
import { batchFormat } from './batch.js';
import { datasetFormat } from './dataset.js';
import { heliconeFormat } from './helicone.js';
import { langfuseFormat } from './langfuse.js';
import { litellmFormat } from './litellm.js';
import { openaiRequestFormat } from './openai-request.js';
import { requestResponseFormat } from './request-response.js';

export const FORMATS: FormatSpec[] = [litellmFormat, heliconeFormat, langfuseFormat, batchFormat, datasetFormat, requestResponseFormat, openaiRequestFormat];

export function findFormat(name: LogFormat): FormatSpec {
  return FORMATS.find((format) => format.name === name)!;
}

/** The format of a file, from its first line; an unknown shape says what each format looks like. */
export function detectFormat(raw: Record<string, unknown>, where: SourceLine): FormatSpec {
  const format = FORMATS.find((candidate) => candidate.matches(raw));
  if (format) return format;
  if (Array.isArray(raw.data) && raw.data.length > 0 && raw.data.every((item) => typeof item === 'object' && item !== null)) {
    // Helicone's and Langfuse's APIs answer {data: [records], …}: the records are one level down.
    throw new UserInputError(`this line is an API response holding ${raw.data.length} records in "data", not a log record`, {
      location: { file: where.file, line: where.line },
      hint: "Write the records one a line first: jq -c '.data[]' FILE > FILE.jsonl",
    });
  }
  throw new UserInputError(`unknown log line shape: ${describe(raw)}`, {
    location: { file: where.file, line: where.line },
    hint: `Expected one of:\n${FORMATS.map((candidate) => `  --format ${candidate.name}: ${candidate.expected}`).join('\n')}`,
  });
}
