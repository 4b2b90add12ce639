/**
 * json-schema: the answer's JSON (extracted per extract/extract-json.ts) must satisfy the case's
 * schema — `expect.schema`, else `response_format.json_schema.schema`. A `json_object` response
 * format (or a json_schema format without a schema) only asks for valid JSON. A case with neither
 * is not applicable.
 *
 * Options: `mode` ('extract' | 'strict', default 'extract'), `lenient` (default false),
 * `max_reasons` (default 10).
 */
import { z } from 'zod';
import type { Verdict } from '../core/types.js';
import { extractJson } from './extract/extract-json.js';
import { compileSchema } from './json-schema/compile-schema.js';
import { formatSchemaErrors } from './json-schema/format-schema-errors.js';
import { parseValidatorOptions } from './options.js';
import type { ValidationInput, Validator, ValidatorFactory } from './types.js';
import { capReasons, failVerdict, notApplicable, passVerdict } from './verdicts.js';
import { isRecord as isObject } from '../core/is-record.js';

const NAME = 'json-schema';

export const JsonSchemaOptionsSchema = z.strictObject({
  mode: z.enum(['extract', 'strict']).default('extract').describe('strict: the whole answer must be bare JSON'),
  lenient: z.boolean().default(false).describe('Accept comments, trailing commas and single quotes (JSON5)'),
  max_reasons: z.number().int().positive().default(10),
});
export type JsonSchemaOptions = z.infer<typeof JsonSchemaOptionsSchema>;

type Expectation = { kind: 'schema'; schema: Record<string, unknown> } | { kind: 'json' } | { kind: 'none' };

export function resolveJsonExpectation(testCase: ValidationInput['case']): Expectation {
  const schema = testCase.expect?.schema;
  if (isObject(schema)) return { kind: 'schema', schema };
  const format = testCase.request?.response_format;
  if (format?.type === 'json_schema') {
    return isObject(format.json_schema?.schema) ? { kind: 'schema', schema: format.json_schema.schema } : { kind: 'json' };
  }
  if (format?.type === 'json_object') return { kind: 'json' };
  return { kind: 'none' };
}

export function createJsonSchemaValidator(options: JsonSchemaOptions): Validator {
  return {
    name: NAME,
    check(testCase) {
      const expectation = resolveJsonExpectation(testCase);
      if (expectation.kind === 'schema') compileSchema(expectation.schema);
    },
    validate(input): Verdict {
      const expectation = resolveJsonExpectation(input.case);
      if (expectation.kind === 'none') return notApplicable(NAME, 'no schema and no JSON response_format on this case');
      const validateSchema = expectation.kind === 'schema' ? compileSchema(expectation.schema) : undefined;
      const extracted = extractJson(input.output, {
        mode: options.mode,
        lenient: options.lenient,
        rootType: expectation.kind === 'schema' ? rootTypeOf(expectation.schema) : undefined,
      });
      if (!extracted.ok) {
        return failVerdict(NAME, [extracted.category], [{ message: extracted.message, ...(extracted.location ? { location: extracted.location } : {}) }]);
      }
      if (!validateSchema || validateSchema(extracted.value)) return passVerdict(NAME);
      const reasons = formatSchemaErrors(validateSchema.errors ?? []);
      return failVerdict(NAME, ['schema_mismatch'], capReasons(reasons, options.max_reasons));
    },
  };
}

export const jsonSchemaFactory: ValidatorFactory = (options) =>
  createJsonSchemaValidator(parseValidatorOptions(NAME, JsonSchemaOptionsSchema, options));

function rootTypeOf(schema: Record<string, unknown>): 'object' | 'array' | undefined {
  const type = schema.type;
  if (type === 'object' || (type === undefined && isObject(schema.properties))) return 'object';
  if (type === 'array') return 'array';
  return undefined;
}

