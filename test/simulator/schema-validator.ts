/** ajv for the tests: validates simulator answers against the schemas they were asked for. */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is the module object, which is also the plugin.
const addFormats = addFormatsImport as unknown as typeof addFormatsImport.default;

export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  return addFormats(new Ajv({ strict: false })).compile(schema);
}

export function isValidJsonFor(validate: ValidateFunction, text: string | null | undefined): boolean {
  if (typeof text !== 'string') return false;
  try {
    return validate(JSON.parse(text));
  } catch {
    return false;
  }
}

export const ticketSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ticket_id: { type: 'string' },
    category: { type: 'string', enum: ['billing', 'shipping', 'account'] },
    priority: { type: 'integer', minimum: 1, maximum: 5 },
    contact: { type: 'string', format: 'email' },
    tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
  required: ['ticket_id', 'category', 'priority', 'contact', 'tags'],
};

export const weatherParameters = {
  type: 'object',
  properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
  required: ['city', 'unit'],
  additionalProperties: false,
};
