import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import { createValidators } from '../../src/validators/create-validators.js';
import { createJsonSchemaValidator } from '../../src/validators/json-schema.js';
import { makeInput } from './helpers.js';

const validator = createJsonSchemaValidator({ mode: 'extract', lenient: false, max_reasons: 10 });
const ticket = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    email: { type: 'string', format: 'email' },
    tags: { type: 'array', items: { type: 'string' } },
    'a/b': { type: 'string' },
  },
  required: ['id', 'email'],
  additionalProperties: false,
};

describe('json-schema validator', () => {
  it('passes JSON that matches expect.schema', async () => {
    const verdict = await validator.validate(makeInput('```json\n{"id": 1, "email": "a@b.co"}\n```', { expect: { schema: ticket } }));
    expect(verdict).toEqual({ validator: 'json-schema', pass: true, categories: [], reasons: [] });
  });

  it('reads the schema from response_format when expect has none', async () => {
    const request = { messages: [], response_format: { type: 'json_schema' as const, json_schema: { name: 't', schema: ticket } } };
    const verdict = await validator.validate(makeInput('{"id": "1", "email": "a@b.co"}', { request }));
    expect(verdict.pass).toBe(false);
    expect(verdict.reasons).toContainEqual({ message: 'must be integer', location: '/id' });
  });

  it('locates missing, extra and format errors by JSON pointer', async () => {
    const verdict = await validator.validate(makeInput('{"email": "nope", "tags": [1], "x": 0}', { expect: { schema: ticket } }));
    expect(verdict.categories).toEqual(['schema_mismatch']);
    expect(verdict.reasons).toEqual(
      expect.arrayContaining([
        { message: 'missing required property "id"', location: '/id' },
        { message: 'unexpected property "x" (additionalProperties is false)', location: '/x' },
        { message: 'must be a valid email', location: '/email' },
        { message: 'must be string', location: '/tags/0' },
      ]),
    );
  });

  it('escapes "/" in pointer segments', async () => {
    const verdict = await validator.validate(makeInput('{"id": 1, "email": "a@b.co", "a/b": 3}', { expect: { schema: ticket } }));
    expect(verdict.reasons).toContainEqual({ message: 'must be string', location: '/a~1b' });
  });

  it('chooses draft-07 by $schema (tuple items) and 2020-12 otherwise (prefixItems)', async () => {
    const draft07 = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'array', items: [{ type: 'string' }, { type: 'number' }] };
    const draft2020 = { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false };
    expect((await validator.validate(makeInput('["a", 1]', { expect: { schema: draft07 } }))).pass).toBe(true);
    expect((await validator.validate(makeInput('["a", "b"]', { expect: { schema: draft07 } }))).pass).toBe(false);
    expect((await validator.validate(makeInput('["a", 1]', { expect: { schema: draft2020 } }))).pass).toBe(true);
    expect((await validator.validate(makeInput('["a", 1, 2]', { expect: { schema: draft2020 } }))).pass).toBe(false);
  });

  it('only requires valid JSON for a json_object response format', async () => {
    const request = { messages: [], response_format: { type: 'json_object' as const } };
    expect((await validator.validate(makeInput('{"anything": [1]}', { request }))).pass).toBe(true);
    expect(await validator.validate(makeInput('{anything}', { request }))).toMatchObject({ pass: false, categories: ['invalid_json'] });
  });

  it('is not applicable to a case without a schema or JSON format', async () => {
    expect(await validator.validate(makeInput('hello'))).toMatchObject({ pass: true, categories: ['not_applicable'] });
  });

  it('raises a UserInputError for an invalid or unsupported schema, in check() and validate()', () => {
    const broken = { type: 'object', properties: { a: { type: 'strnig' } } };
    expect(() => validator.check!(makeInput('', { expect: { schema: broken } }).case)).toThrow(UserInputError);
    const draft04 = { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' };
    expect(() => validator.validate(makeInput('{}', { expect: { schema: draft04 } }))).toThrow(/unsupported JSON Schema draft/);
  });

  it('compiles two schemas sharing an $id without clashing', async () => {
    const first = { $id: 'https://example.com/s.json', type: 'object', required: ['a'] };
    const second = { $id: 'https://example.com/s.json', type: 'object', required: ['b'] };
    expect((await validator.validate(makeInput('{"a": 1}', { expect: { schema: first } }))).pass).toBe(true);
    expect((await validator.validate(makeInput('{"a": 1}', { expect: { schema: second } }))).pass).toBe(false);
  });

  it('mode strict fails a fenced answer that extract mode accepts', async () => {
    const [strict] = await createValidators([{ 'json-schema': { mode: 'strict' } }], { baseDir: '.' });
    const input = makeInput('```json\n{"id": 1, "email": "a@b.co"}\n```', { expect: { schema: ticket } });
    expect(await strict!.validate(input)).toMatchObject({ pass: false, categories: ['not_bare_json'] });
    expect((await validator.validate(input)).pass).toBe(true);
  });
});

describe('createValidators', () => {
  it('suggests the closest name for a misspelled validator', async () => {
    const error = await createValidators(['json-shema'], { baseDir: '.' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).format()).toContain('Did you mean "json-schema"?');
  });

  it('rejects unknown or mistyped options with the field path', async () => {
    await expect(createValidators([{ 'json-schema': { mod: 'strict' } }], { baseDir: '.' })).rejects.toThrow(UserInputError);
    await expect(createValidators([{ 'json-schema': { lenient: 'yes' } }], { baseDir: '.' })).rejects.toThrow(/validators\.json-schema\.lenient/);
  });

  it('accepts a null options object', async () => {
    const validators = await createValidators([{ 'json-schema': null }], { baseDir: '.' });
    expect(validators.map((v) => v.name)).toEqual(['json-schema']);
  });
});
