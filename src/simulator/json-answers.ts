/**
 * JSON answers for a requested schema. Wrong ones are the failures seen in real traffic:
 * truncated output, a trailing comma, a required field left out, a value of the wrong enum or type.
 */
import { asSchema, generateInstance, resolveRef, schemaType, type JsonSchema } from './json-instance.js';
import type { Random } from './random.js';
import { isRecord } from '../core/is-record.js';

/** What `json_object` mode gets when no schema says more. */
const FREE_FORM_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    category: { type: 'string', enum: ['billing', 'shipping', 'account', 'technical'] },
    summary: { type: 'string' },
    priority: { type: 'string', enum: ['low', 'medium', 'high'] },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
  },
  required: ['category', 'summary', 'priority', 'confidence'],
};

export const JSON_FLAWS = ['truncated', 'trailing_comma', 'missing_required', 'wrong_value'] as const;
export type JsonFlaw = (typeof JSON_FLAWS)[number];

export function writeJsonValue(schema: JsonSchema | undefined, random: Random): unknown {
  return generateInstance(schema ?? FREE_FORM_SCHEMA, random);
}

export function serializeJson(value: unknown, random: Random): string {
  return random.chance(0.5) ? JSON.stringify(value) : JSON.stringify(value, null, 2);
}

export function writeJsonAnswer(schema: JsonSchema | undefined, random: Random): string {
  return serializeJson(writeJsonValue(schema, random), random);
}

/** A wrong answer; returns the flaw actually applied (a flaw that does not fit the schema falls back to truncation). */
export function writeBrokenJsonAnswer(schema: JsonSchema | undefined, random: Random): { text: string; flaw: JsonFlaw } {
  const root = schema ?? FREE_FORM_SCHEMA;
  const value = writeJsonValue(root, random);
  const flaw = random.pick(JSON_FLAWS);
  if (flaw === 'missing_required' && dropRequiredField(value, root)) return { text: serializeJson(value, random), flaw };
  if (flaw === 'wrong_value' && corruptValue(value, root, random)) return { text: serializeJson(value, random), flaw };
  const text = serializeJson(value, random);
  if (flaw === 'trailing_comma') {
    const close = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
    if (close > 1) return { text: `${text.slice(0, close).trimEnd()},${text.slice(close)}`, flaw };
  }
  const cut = Math.max(1, Math.floor(text.length * (0.35 + 0.45 * random.next())));
  return { text: text.slice(0, cut), flaw: 'truncated' };
}

/** Removes one required property of the top-level object; false when there is none. */
export function dropRequiredField(value: unknown, schema: JsonSchema): boolean {
  const node = resolveRef(schema, schema);
  const required = Array.isArray(node.required) ? (node.required as string[]) : [];
  if (!isRecord(value)) return false;
  const present = required.filter((name) => name in value);
  if (present.length === 0) return false;
  delete value[present[present.length - 1]!];
  return true;
}

/** Puts an out-of-enum or wrongly typed value in one top-level property; false when none fits. */
export function corruptValue(value: unknown, schema: JsonSchema, random: Random): boolean {
  const node = resolveRef(schema, schema);
  if (!isRecord(value)) return false;
  const properties = asSchema(node.properties);
  for (const name of Object.keys(value)) {
    const child = resolveRef(asSchema(properties[name]), schema);
    if (Array.isArray(child.enum)) {
      value[name] = random.pick(['other', 'unknown', 'N/A', 'Urgent!']);
      return true;
    }
    const type = schemaType(child);
    if (type === 'integer' || type === 'number') {
      value[name] = String(value[name]);
      return true;
    }
    if (type === 'boolean') {
      value[name] = value[name] ? 'yes' : 'no';
      return true;
    }
    if (type === 'array') {
      value[name] = Array.isArray(value[name]) ? (value[name] as unknown[]).join(', ') : 'none';
      return true;
    }
  }
  return false;
}

