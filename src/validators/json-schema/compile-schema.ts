/**
 * User JSON Schemas compiled with ajv, the draft chosen by `$schema` (2020-12 when absent, the
 * draft OpenAI structured outputs and pydantic v2 follow), formats from ajv-formats. Compiled
 * functions are cached by the schema's content digest, so the same schema repeated on thousands
 * of cases (and across candidates) is compiled once; a WeakMap in front skips hashing for the
 * common case of the very same object.
 */
import { createHash } from 'node:crypto';
import { Ajv, type AnySchemaObject, type Options, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as formatsModule from 'ajv-formats';
import DRAFT_06_META from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { UserInputError } from '../../core/errors.js';
import { stableStringify } from '../../core/stable-json.js';

type Draft = '2020-12' | '2019-09' | 'draft-07' | 'draft-06';
type AjvInstance = InstanceType<typeof Ajv>;

// ajv-formats is CommonJS: under NodeNext its default export arrives wrapped once more.
const addFormats = ((formatsModule as unknown as { default: { default?: unknown } }).default.default ??
  (formatsModule as unknown as { default: unknown }).default) as (ajv: AjvInstance) => void;

const AJV_OPTIONS: Options = { strict: false, allErrors: true, allowUnionTypes: true, logger: false };
const MAX_CACHED = 1000;

const instances = new Map<Draft, AjvInstance>();
const byContent = new Map<string, ValidateFunction>();
const byObject = new WeakMap<object, ValidateFunction>();

export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  const known = byObject.get(schema);
  if (known) return known;
  const digest = digestOf(schema);
  let compiled = byContent.get(digest);
  if (!compiled) {
    compiled = compileFresh(schema);
    if (byContent.size >= MAX_CACHED) byContent.delete(byContent.keys().next().value!);
    byContent.set(digest, compiled);
  }
  byObject.set(schema, compiled);
  return compiled;
}

export function selectDraft(schema: Record<string, unknown>): Draft {
  const declared = schema.$schema;
  if (declared === undefined) return '2020-12';
  const text = String(declared);
  if (text.includes('2020-12')) return '2020-12';
  if (text.includes('2019-09')) return '2019-09';
  if (/draft-07/.test(text)) return 'draft-07';
  if (/draft-06/.test(text)) return 'draft-06';
  throw new UserInputError(`unsupported JSON Schema draft "${text}"`, {
    hint: 'Use draft 2020-12 (https://json-schema.org/draft/2020-12/schema), 2019-09, draft-07 or draft-06, or remove $schema.',
  });
}

function compileFresh(schema: Record<string, unknown>): ValidateFunction {
  const ajv = instanceFor(selectDraft(schema));
  try {
    return ajv.compile(schema as AnySchemaObject);
  } catch (error) {
    throw new UserInputError(`invalid JSON Schema: ${(error as Error).message}`, {
      hint: 'Fix the schema in the case (expect.schema or response_format.json_schema.schema).',
    });
  } finally {
    // Our cache holds the compiled function; ajv's own would grow with every schema and reject a
    // second schema that reuses an `$id`.
    ajv.removeSchema(schema as AnySchemaObject);
  }
}

function instanceFor(draft: Draft): AjvInstance {
  let ajv = instances.get(draft);
  if (!ajv) {
    ajv = draft === '2020-12' ? new Ajv2020(AJV_OPTIONS) : draft === '2019-09' ? new Ajv2019(AJV_OPTIONS) : new Ajv(AJV_OPTIONS);
    if (draft === 'draft-06') ajv.addMetaSchema(DRAFT_06_META);
    addFormats(ajv);
    instances.set(draft, ajv);
  }
  return ajv;
}

function digestOf(schema: unknown): string {
  return createHash('sha256').update(stableStringify(schema)).digest('base64url');
}

