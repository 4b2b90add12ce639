/** Strict JSON by default; JSON5 (comments, trailing commas, single quotes…) only when the suite says `lenient: true`. */
import JSON5 from 'json5';
import { diagnoseJson } from './diagnose-json.js';
import { positionAt, type Position } from './positions.js';

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; message: string; position: Position };

export function parseJson(text: string, lenient: boolean): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (strictError) {
    if (lenient) return parseJson5(text);
    const problem = diagnoseJson(text);
    if (problem) return { ok: false, message: problem.message, position: positionAt(text, problem.offset) };
    return { ok: false, message: (strictError as Error).message, position: { line: 1, column: 1 } };
  }
}

function parseJson5(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON5.parse(text) };
  } catch (error) {
    const { lineNumber, columnNumber, message } = error as Error & { lineNumber?: number; columnNumber?: number };
    return {
      ok: false,
      message: message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, ''),
      position: { line: lineNumber ?? 1, column: columnNumber ?? 1 },
    };
  }
}
