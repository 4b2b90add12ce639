/**
 * What the native-body converters share: the dialect names, the record of what a conversion
 * dropped, and errors that name the file, line and field path of the logged body.
 */
import { UserInputError } from '../../core/errors.js';
import type { ContentPart, MessageContent } from '../../core/types.js';
import type { SourceLine } from '../types.js';
import { isRecord as isObject } from '../../core/is-record.js';

export { isObject };
export { describeValue } from '../describe-value.js';

export const DIALECTS = ['openai-chat', 'anthropic-messages', 'gemini', 'openai-responses'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** What a logged native body became: its dialect, and the fields with no canonical equivalent (sorted, once each). */
export interface Conversion {
  from: Dialect;
  dropped: string[];
}

const HINT = 'Fix the logged body, or leave the line out with --where.';

export class NativeContext {
  private readonly droppedNames = new Set<string>();

  constructor(readonly where: SourceLine, readonly path: string) {}

  /** A field path below the body: `request_body.contents[2].parts[0]`. */
  at(...segments: Array<string | number>): string {
    let out = this.path;
    for (const segment of segments) {
      if (typeof segment === 'number') out += `[${segment}]`;
      else out += out === '' ? segment : `.${segment}`;
    }
    return out;
  }

  /** Names a field that has no canonical equivalent: it is left out, and the record says so. */
  drop(name: string): void {
    this.droppedNames.add(name);
  }

  dropped(): string[] {
    return [...this.droppedNames].sort();
  }

  fail(path: string, message: string): never {
    throw new UserInputError(message, { location: { file: this.where.file, line: this.where.line, path }, hint: HINT });
  }
}


/** null, undefined, [] and {} mean "not set" in logged bodies: skipped without a note. */
export function isUnset(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

/** Content as canonical wants it: one text part is a plain string, several parts stay parts. */
export function toContent(parts: ContentPart[]): MessageContent {
  if (parts.length === 1 && parts[0]!.type === 'text') return (parts[0] as { text: string }).text;
  return parts;
}


/** Tool-call arguments are a JSON string in canonical form; native bodies hold the object. */
export function stringifyArguments(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? {});
}

export function toDataUrl(mediaType: string, data: string): string {
  return `data:${mediaType};base64,${data}`;
}
