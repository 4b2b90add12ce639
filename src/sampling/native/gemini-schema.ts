/**
 * Gemini's OpenAPI-subset schemas (`parameters`, `responseSchema`) → JSON Schema: upper-case types
 * (`OBJECT`, `NUMBER`) become lower-case, `nullable: true` becomes a `"null"` type, and
 * `propertyOrdering` (Gemini-only) is dropped and named. `parametersJsonSchema` and
 * `responseJsonSchema` are JSON Schema already and are kept as they are.
 */
import { isObject, type NativeContext } from './native-context.js';

export function toJsonSchema(schema: unknown, context: NativeContext): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, context));
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'propertyOrdering') context.drop('schema.propertyOrdering');
    else if (key === 'nullable') continue;
    else if (key === 'type' && typeof value === 'string') out.type = value.toLowerCase();
    else if (key === 'properties' && isObject(value)) {
      // `properties` maps names to schemas: recurse into each value, never treat names as keywords.
      out.properties = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, toJsonSchema(child, context)]));
    } else out[key] = toJsonSchema(value, context);
  }
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}
