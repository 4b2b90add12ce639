import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSuiteJsonSchema } from '../../src/config/suite-json-schema.js';

describe('schema/suite.schema.json', () => {
  it('is what the zod schema generates (run `npm run schema` when this fails)', () => {
    const shipped = JSON.parse(readFileSync('schema/suite.schema.json', 'utf8')) as unknown;
    expect(shipped).toEqual(buildSuiteJsonSchema());
  });

  it('knows the candidate keys editors should complete', () => {
    const schema = buildSuiteJsonSchema() as { properties: { candidates: { items: { properties: Record<string, unknown> } } } };
    expect(Object.keys(schema.properties.candidates.items.properties)).toEqual(expect.arrayContaining(['id', 'provider', 'model', 'price', 'simulate']));
  });
});
