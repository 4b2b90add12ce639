/**
 * Field paths for --stratify-by and --where: `model`, `metadata.user_id`, `messages[0].role`,
 * `metadata["team-id"]`, `tag:tier` (the value of the `tier:…` tag). Looked up in the raw log line
 * first, then in the canonical record (`model`, `tags`, `cluster`, `timestamp`, `reference`…).
 */
import { UserInputError } from '../core/errors.js';
import { parseMaybeJson } from './to-canonical.js';
import type { LogRecord } from './types.js';

export type FieldReader = (raw: Record<string, unknown>, record: LogRecord) => unknown;

export function parsePath(path: string, flag: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const pattern = /\s*(?:([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\])\s*(\.?)/y;
  let at = 0;
  while (at < path.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(path);
    if (!match || match[0].length === 0) {
      throw new UserInputError(`${flag}: cannot read the field path "${path}" at column ${at + 1}`, {
        hint: 'Use dots and brackets: metadata.user_id, messages[0].role, metadata["team-id"], tag:tier.',
      });
    }
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[3] ?? match[4]!);
    at = pattern.lastIndex;
  }
  return segments;
}

export function readSegments(value: unknown, segments: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const segment of segments) {
    // Logs keep nested JSON as text (LiteLLM's metadata column, CSV cells): a path goes into it.
    if (typeof current === 'string') current = parseMaybeJson(current);
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

export function createFieldReader(path: string, flag: string): FieldReader {
  const tagPrefix = /^tag:(.+)$/.exec(path)?.[1];
  if (tagPrefix !== undefined) {
    const prefix = `${tagPrefix}:`;
    return (_raw, record) => record.tags.find((tag) => tag.startsWith(prefix))?.slice(prefix.length);
  }
  const segments = parsePath(path, flag);
  return (raw, record) => {
    const fromRaw = readSegments(raw, segments);
    return fromRaw !== undefined ? fromRaw : readSegments(record, segments);
  };
}

/** A stratum key from a field value: scalars as text, arrays (tags) as their sorted elements. */
export function toStratumKey(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => toStratumKey(item)).sort().join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
