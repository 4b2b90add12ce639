/**
 * JSON Schema → the OpenAPI subset Gemini's `parameters` / `responseSchema` accept. Keywords it
 * rejects are removed, and the removal is reported once per request.
 */
const UNSUPPORTED_KEYWORDS = new Set(['$schema', '$id', 'additionalProperties', '$defs', 'definitions', 'strict', '$comment', 'examples']);

export function toGeminiSchema(schema: unknown, dropped: Set<string>): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toGeminiSchema(item, dropped));
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (UNSUPPORTED_KEYWORDS.has(key)) {
      dropped.add(key);
      continue;
    }
    // `properties` maps names to schemas: recurse into each value, never treat names as keywords.
    out[key] = key === 'properties' && typeof value === 'object' && value !== null
      ? Object.fromEntries(Object.entries(value).map(([name, child]) => [name, toGeminiSchema(child, dropped)]))
      : toGeminiSchema(value, dropped);
  }
  return out;
}
