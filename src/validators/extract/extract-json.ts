/**
 * Finds the JSON a caller would parse out of a model's answer (issue 6, "Answer extraction"):
 * reasoning stripped first; then the first fence tagged json/jsonc/json5, else the first untagged
 * fence, else the first fence; with no fence, the whole answer when it starts with `{` or `[`, else
 * the first balanced span that parses. `mode: strict` takes the raw answer as it is, because a
 * `response_format` caller runs `JSON.parse` on exactly that.
 */
import { findFences, type Fence } from './find-fences.js';
import { findJsonSpans, type Span } from './find-json-spans.js';
import { parseJson, type JsonParseResult } from './parse-json.js';
import { formatPosition, positionAt, shiftPosition, type Origin } from './positions.js';
import { stripReasoning } from './strip-reasoning.js';

export type JsonMode = 'extract' | 'strict';

export interface ExtractJsonOptions {
  mode: JsonMode;
  lenient: boolean;
  /** The root type the schema expects: prose spans of the other kind (`[1]` citations) are skipped. */
  rootType?: 'object' | 'array';
}

export type JsonFailureCategory = 'no_json' | 'invalid_json' | 'not_bare_json';

export type JsonExtraction =
  | { ok: true; value: unknown; source: 'raw' | 'fence' | 'whole' | 'span' }
  | { ok: false; category: JsonFailureCategory; message: string; location?: string };

const JSON_TAGS = new Set(['json', 'jsonc', 'json5']);

export function extractJson(output: string, options: ExtractJsonOptions): JsonExtraction {
  if (options.mode === 'strict') return extractBareJson(output, options.lenient);
  const stripped = stripReasoning(output);
  const start = positionAt(output, stripped.offset);
  const base: Origin = { ...start, indent: 0 };
  if (stripped.text.trim() === '') {
    return { ok: false, category: 'no_json', message: stripped.offset > 0 ? 'the answer is only a reasoning block' : 'the answer is empty' };
  }
  const fence = chooseFence(findFences(stripped.text));
  if (fence) return extractFromFence(fence, base, options.lenient);
  return extractFromProse(stripped.text, base, options);
}

function extractBareJson(output: string, lenient: boolean): JsonExtraction {
  if (output.trim() === '') return { ok: false, category: 'no_json', message: 'the answer is empty' };
  const parsed = parseJson(output, lenient);
  if (parsed.ok) return { ok: true, value: parsed.value, source: 'raw' };
  return {
    ok: false,
    category: 'not_bare_json',
    message: `the answer is not bare JSON (mode: strict): ${parsed.message}`,
    location: formatPosition(parsed.position),
  };
}

function chooseFence(fences: Fence[]): Fence | undefined {
  return fences.find((fence) => JSON_TAGS.has(fence.lang)) ?? fences.find((fence) => fence.lang === '') ?? fences[0];
}

function extractFromFence(fence: Fence, base: Origin, lenient: boolean): JsonExtraction {
  const first = shiftPosition({ line: fence.line, column: fence.indent + 1 }, base);
  const origin: Origin = { ...first, indent: fence.indent };
  const label = fence.lang ? `\`\`\`${fence.lang} block` : 'code block';
  if (fence.content.trim() === '') {
    return { ok: false, category: 'no_json', message: `the ${label} is empty`, location: formatPosition(first) };
  }
  return toExtraction(parseJson(fence.content, lenient), origin, 'fence', `invalid JSON in the ${label}`);
}

function extractFromProse(text: string, base: Origin, options: ExtractJsonOptions): JsonExtraction {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const whole = parseJson(trimmed, options.lenient);
    const origin = originOf(text, lead, base);
    if (whole.ok) return { ok: true, value: whole.value, source: 'whole' };
    // JSON followed by a sentence of prose is as common as JSON after one; tolerate both alike.
    const span = findJsonSpans(trimmed, options.lenient ? `"'` : '"').next().value as Span | undefined;
    if (span?.closed && span.end < trimmed.length) {
      const head = parseJson(trimmed.slice(0, span.end), options.lenient);
      if (head.ok) return { ok: true, value: head.value, source: 'span' };
    }
    return toExtraction(whole, origin, 'whole', 'invalid JSON');
  }
  let firstFailure: { parsed: JsonParseResult; origin: Origin } | undefined;
  let otherKind: { value: unknown } | undefined;
  for (const span of findJsonSpans(text, options.lenient ? `"'` : '"')) {
    const kind = text[span.start] === '{' ? 'object' : 'array';
    const parsed = parseJson(text.slice(span.start, span.end), options.lenient);
    if (options.rootType && kind !== options.rootType) {
      // Kept in case nothing of the wanted kind follows: then the schema explains the mismatch.
      if (parsed.ok) otherKind ??= { value: parsed.value };
      continue;
    }
    if (parsed.ok) return { ok: true, value: parsed.value, source: 'span' };
    firstFailure ??= { parsed, origin: originOf(text, span.start, base) };
  }
  if (firstFailure) return toExtraction(firstFailure.parsed, firstFailure.origin, 'span', 'invalid JSON');
  if (otherKind) return { ok: true, value: otherKind.value, source: 'span' };
  const what = options.rootType === 'array' ? 'JSON array' : options.rootType === 'object' ? 'JSON object' : 'JSON object or array';
  return { ok: false, category: 'no_json', message: `no ${what} in the answer` };
}

function originOf(text: string, offset: number, base: Origin): Origin {
  return { ...shiftPosition(positionAt(text, offset), base), indent: 0 };
}

function toExtraction(parsed: JsonParseResult, origin: Origin, source: 'fence' | 'whole' | 'span', label: string): JsonExtraction {
  if (parsed.ok) return { ok: true, value: parsed.value, source };
  return {
    ok: false,
    category: 'invalid_json',
    message: `${label}: ${parsed.message}`,
    location: formatPosition(shiftPosition(parsed.position, origin)),
  };
}
