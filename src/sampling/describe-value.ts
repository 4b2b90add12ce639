/** A short description of a value for error messages — never the content: logs hold user text. */
import { isRecord } from '../core/is-record.js';

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isRecord(value)) return `an object with keys [${Object.keys(value).slice(0, 8).join(', ')}]`;
  return typeof value;
}
