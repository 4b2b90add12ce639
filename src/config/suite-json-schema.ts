/** The JSON Schema of the suite file, generated from the zod schema so the two never drift. */
import { z } from 'zod';
import { SuiteSchema } from './suite-schema.js';

export function buildSuiteJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SuiteSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://chainproof.dev/schema/suite.schema.json',
    title: 'chainproof suite',
    description: 'A chainproof suite: datasets, candidates, validators, qualification rules and run options.',
  };
}
