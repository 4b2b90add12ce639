/**
 * Parses YAML (and JSON, which YAML reads too) keeping positions, so every config error can name
 * the file, line and column of the value it is about.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { UserInputError, type SourceLocation } from '../core/errors.js';
import type { PathSegment } from './zod-issues.js';

export interface YamlSource {
  file: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  value: unknown;
}

export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = document.errors[0];
  if (first) {
    const position = lineCounter.linePos(first.pos[0]);
    throw new UserInputError(`not valid YAML: ${first.message.split('\n')[0]}`, {
      location: { file, line: position.line, column: position.col },
      hint: 'Fix the syntax at that line (indentation, a missing colon, an unclosed quote or bracket).',
    });
  }
  return { file, document, lineCounter, value: document.toJS({ maxAliasCount: 100 }) };
}

/**
 * Where `path` is in the file. For a path that ends in a key (an unknown key) the key's own
 * position; for a missing value, the closest enclosing node that exists.
 */
export function locatePath(source: YamlSource, path: readonly PathSegment[]): SourceLocation {
  let node: unknown = source.document.contents;
  let offset: number | undefined = rangeStart(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
      continue;
    }
    const items = (node as { items?: unknown[] } | null)?.items;
    if (Array.isArray(items) && typeof segment === 'number' && items[segment] !== undefined) {
      node = items[segment];
      offset = rangeStart(node) ?? offset;
      continue;
    }
    break;
  }
  if (offset === undefined) return { file: source.file };
  const position = source.lineCounter.linePos(offset);
  return { file: source.file, line: position.line, column: position.col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? range[0] : undefined;
}
