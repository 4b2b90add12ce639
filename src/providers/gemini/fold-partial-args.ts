/**
 * Vertex AI's streamed function-call arguments (`streamFunctionCallArguments`): a call opens with
 * `{name, willContinue: true}`, its arguments arrive as `partialArgs` — `{jsonPath, stringValue |
 * numberValue | boolValue | nullValue, willContinue}`, string pieces of one path concatenated — and
 * an empty `functionCall` closes it. Recorded in the shared wire corpus
 * (vercel-ai_google-stream-tool-call-arguments).
 */
export interface PartialArg {
  jsonPath: string;
  stringValue?: string | null;
  numberValue?: number | null;
  boolValue?: boolean | null;
  nullValue?: unknown;
  willContinue?: boolean | null;
}

/** Arguments assembled so far for the open call. */
export type OpenArguments = Record<string, unknown>;

export function applyPartialArgs(target: OpenArguments, partials: readonly PartialArg[]): void {
  for (const partial of partials) {
    const path = parseJsonPath(partial.jsonPath);
    if (path.length === 0) continue;
    const value = partial.stringValue ?? partial.numberValue ?? partial.boolValue ?? (partial.nullValue !== undefined ? null : undefined);
    if (value === undefined) continue;
    const parent = walk(target, path.slice(0, -1));
    const key = path[path.length - 1]!;
    const previous = (parent as Record<string | number, unknown>)[key];
    // A string arrives in pieces under the same path; other values arrive whole.
    (parent as Record<string | number, unknown>)[key] = typeof value === 'string' && typeof previous === 'string' ? previous + value : value;
  }
}

/** `$.a.b[0].c` → ['a', 'b', 0, 'c']; only the simple paths Vertex sends. */
export function parseJsonPath(jsonPath: string): Array<string | number> {
  const out: Array<string | number> = [];
  const pattern = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\['([^']*)'\]/g;
  for (const match of jsonPath.replace(/^\$/, '').matchAll(pattern)) {
    if (match[1] !== undefined) out.push(match[1]);
    else if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[3] !== undefined) out.push(match[3]);
  }
  return out;
}

function walk(root: OpenArguments, path: Array<string | number>): unknown {
  let node: Record<string | number, unknown> = root;
  path.forEach((segment, index) => {
    const nextIsIndex = typeof path[index + 1] === 'number';
    if (node[segment] === undefined || typeof node[segment] !== 'object') node[segment] = nextIsIndex ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
  return node;
}
