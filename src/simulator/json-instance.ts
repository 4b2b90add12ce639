/**
 * Generates an instance that satisfies a JSON Schema (the subset models are asked for in practice:
 * types, required, properties, enum, const, items, min/max counts and bounds, common string
 * formats, anyOf/oneOf/allOf and local $ref). Values look like data, not like "string".
 */
import type { Random } from './random.js';
import { samplePattern } from './regex-sample.js';

export type JsonSchema = Record<string, unknown>;

const WORDS = ['billing', 'refund', 'shipping', 'account', 'login', 'invoice', 'delivery', 'order', 'update', 'renewal', 'upgrade', 'warranty'];
const NAMES = ['Alex Moreau', 'Priya Natarajan', 'Tomás Ferreira', 'Mei Chen', 'Jonas Weber', 'Amara Okafor'];
const SENTENCES = [
  'Customer reports that the latest invoice was charged twice.',
  'The package was marked delivered but never arrived.',
  'User cannot reset the password from the mobile app.',
  'Request to move the subscription to the annual plan.',
  'The export to CSV fails for reports larger than a month.',
  'Asks whether the warranty covers accidental damage.',
];

export function generateInstance(schema: unknown, random: Random, root: JsonSchema = asSchema(schema), depth = 0, key = ''): unknown {
  const node = resolveRef(asSchema(schema), root);
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) return random.pick(node.enum);
  if (Array.isArray(node.allOf)) return generateInstance(mergeAllOf(node, root), random, root, depth, key);
  const union = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
  // oneOf must match exactly one branch: the first branch is the safest choice.
  if (Array.isArray(union) && union.length > 0) {
    const branches = union.map((branch) => resolveRef(asSchema(branch), root)).filter((branch) => branch.type !== 'null');
    const branch = node.oneOf ? branches[0] : random.pick(branches.length > 0 ? branches : union.map(asSchema));
    return generateInstance(branch ?? {}, random, root, depth, key);
  }
  const type = pickType(node, random);
  switch (type) {
    case 'object':
      return generateObject(node, random, root, depth);
    case 'array':
      return generateArray(node, random, root, depth, key);
    case 'string':
      return generateString(node, random, key);
    case 'integer':
      return generateNumber(node, random, true);
    case 'number':
      return generateNumber(node, random, false);
    case 'boolean':
      return random.chance(0.5);
    case 'null':
      return null;
    default:
      return random.pick(WORDS);
  }
}

export function asSchema(value: unknown): JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : {};
}

/** Follows local references (`#/$defs/x`, `#/definitions/x`, `#`). */
export function resolveRef(node: JsonSchema, root: JsonSchema): JsonSchema {
  let current = node;
  for (let hops = 0; hops < 16 && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#')) return {};
    let target: unknown = root;
    for (const segment of ref.slice(1).split('/').filter(Boolean)) {
      target = asSchema(target)[decodeURIComponent(segment.replace(/~1/g, '/').replace(/~0/g, '~'))];
    }
    current = asSchema(target);
  }
  return current;
}

function mergeAllOf(node: JsonSchema, root: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...node };
  delete merged.allOf;
  const properties: JsonSchema = { ...asSchema(node.properties) };
  const required = new Set<string>(Array.isArray(node.required) ? (node.required as string[]) : []);
  for (const part of node.allOf as unknown[]) {
    const resolved = resolveRef(asSchema(part), root);
    Object.assign(merged, resolved, { properties });
    Object.assign(properties, asSchema(resolved.properties));
    if (Array.isArray(resolved.required)) for (const name of resolved.required as string[]) required.add(name);
  }
  merged.properties = properties;
  merged.required = [...required];
  return merged;
}

/** Gemini's OpenAPI-style schemas spell types in capitals (`OBJECT`) and nullability as a flag. */
export function schemaType(node: JsonSchema): string | string[] | undefined {
  const type = node.type;
  if (typeof type === 'string') return type.toLowerCase();
  if (Array.isArray(type)) return type.map((item) => String(item).toLowerCase());
  if (node.properties) return 'object';
  if (node.items) return 'array';
  return undefined;
}

function pickType(node: JsonSchema, random: Random): string {
  const type = schemaType(node);
  if (Array.isArray(type)) {
    const concrete = type.filter((item) => item !== 'null');
    return concrete.length > 0 ? random.pick(concrete) : 'null';
  }
  return type ?? 'string';
}

function generateObject(node: JsonSchema, random: Random, root: JsonSchema, depth: number): Record<string, unknown> {
  const properties = asSchema(node.properties);
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const out: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(properties)) {
    // Optional fields appear about half the time, and not at all when nesting gets deep.
    if (!required.has(name) && (depth > 3 || random.chance(0.5))) continue;
    out[name] = generateInstance(child, random, root, depth + 1, name);
  }
  for (const name of required) if (!(name in out)) out[name] = random.pick(WORDS);
  return out;
}

function generateArray(node: JsonSchema, random: Random, root: JsonSchema, depth: number, key: string): unknown[] {
  const min = typeof node.minItems === 'number' ? node.minItems : 1;
  const max = typeof node.maxItems === 'number' ? node.maxItems : Math.max(min, 3);
  const count = depth > 4 ? min : random.int(min, Math.max(min, Math.min(max, min + 3)));
  const items: unknown[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < count; index++) {
    let item = generateInstance(node.items ?? {}, random, root, depth + 1, key);
    // uniqueItems: retry a few times, then fall back to a distinct string-like variation.
    for (let attempt = 0; node.uniqueItems && seen.has(JSON.stringify(item)) && attempt < 8; attempt++) {
      item = generateInstance(node.items ?? {}, random, root, depth + 1, key);
    }
    seen.add(JSON.stringify(item));
    items.push(item);
  }
  return items;
}

function generateNumber(node: JsonSchema, random: Random, integer: boolean): number {
  let min = typeof node.minimum === 'number' ? node.minimum : typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum + (integer ? 1 : 0.01) : 0;
  let max = typeof node.maximum === 'number' ? node.maximum : typeof node.exclusiveMaximum === 'number' ? node.exclusiveMaximum - (integer ? 1 : 0.01) : min + 100;
  if (max < min) max = min;
  if (integer) {
    min = Math.ceil(min);
    max = Math.floor(max);
    const multiple = typeof node.multipleOf === 'number' && Number.isInteger(node.multipleOf) && node.multipleOf > 0 ? node.multipleOf : 1;
    const value = random.int(Math.ceil(min / multiple), Math.max(Math.ceil(min / multiple), Math.floor(max / multiple))) * multiple;
    return value;
  }
  return Math.round((min + random.next() * (max - min)) * 100) / 100;
}

function generateString(node: JsonSchema, random: Random, key: string): string {
  const format = typeof node.format === 'string' ? node.format : '';
  const pattern = typeof node.pattern === 'string' ? samplePattern(node.pattern, random) : undefined;
  if (pattern !== undefined) return pattern;
  const value = formatString(format, random) ?? contentString(key, random);
  const minLength = typeof node.minLength === 'number' ? node.minLength : 0;
  const maxLength = typeof node.maxLength === 'number' ? node.maxLength : Infinity;
  let out = value;
  while (out.length < minLength) out += ` ${random.pick(WORDS)}`;
  if (out.length > maxLength) out = out.slice(0, maxLength);
  return out;
}

function formatString(format: string, random: Random): string | undefined {
  const day = random.int(1, 28).toString().padStart(2, '0');
  const month = random.int(1, 12).toString().padStart(2, '0');
  switch (format) {
    case 'email':
      return `${random.pick(['support', 'billing', 'orders', 'help'])}@example.com`;
    case 'date':
      return `2025-${month}-${day}`;
    case 'date-time':
      return `2025-${month}-${day}T${random.int(10, 23)}:${random.int(10, 59)}:00Z`;
    case 'time':
      return `${random.int(10, 23)}:${random.int(10, 59)}:00Z`;
    case 'uri':
    case 'url':
      return `https://example.com/${random.pick(WORDS)}/${random.int(100, 999)}`;
    case 'uuid': {
      const hex = random.hex(32);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    }
    case 'ipv4':
      return `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
    case 'hostname':
      return `${random.pick(WORDS)}.example.com`;
    default:
      return undefined;
  }
}

/** A plausible value chosen from the property name. */
function contentString(key: string, random: Random): string {
  const name = key.toLowerCase();
  if (/(^|_)id$|identifier/.test(name)) return `${random.pick(['TCK', 'ORD', 'INV'])}-${random.int(1000, 9999)}`;
  if (/name|customer|author|agent/.test(name)) return random.pick(NAMES);
  if (/summary|description|reason|issue|message|text|note|detail/.test(name)) return random.pick(SENTENCES);
  if (/product|item|plan/.test(name)) return random.pick(['Pro plan', 'Starter plan', 'Wireless headset', 'Standing desk']);
  if (/lang/.test(name)) return random.pick(['en', 'fr', 'de', 'es']);
  if (/country/.test(name)) return random.pick(['US', 'FR', 'DE', 'IN']);
  if (/currency/.test(name)) return random.pick(['USD', 'EUR']);
  if (/city|location/.test(name)) return random.pick(['Lisbon', 'Toronto', 'Osaka', 'Nairobi']);
  return random.pick(WORDS);
}
