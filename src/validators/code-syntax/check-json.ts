/** JSON code blocks: strict, or JSON5 for jsonc/json5 blocks. */
import { parseJson } from '../extract/parse-json.js';
import type { SyntaxCheck } from './syntax-problem.js';

export function createJsonCheck(lenient: boolean): SyntaxCheck {
  return (code) => {
    const parsed = parseJson(code, lenient);
    return parsed.ok ? undefined : { message: parsed.message, ...parsed.position };
  };
}
