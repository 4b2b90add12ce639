/** Name → factory. The names are a contract: suites refer to them. */
import { codeSyntaxFactory } from './code-syntax.js';
import { jsonSchemaFactory } from './json-schema.js';
import type { ValidatorFactory } from './types.js';

export const VALIDATOR_FACTORIES: Record<string, ValidatorFactory> = {
  'json-schema': jsonSchemaFactory,
  'code-syntax': codeSyntaxFactory,
  // safety: added by the lead when the safety branch is merged (src/validators/safety.ts).
};
