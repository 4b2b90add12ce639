/** Name → factory. The names are a contract: suites refer to them. */
import { codeSyntaxFactory } from './code-syntax.js';
import { customFactory } from './custom.js';
import { finishFactory } from './finish.js';
import { jsonSchemaFactory } from './json-schema.js';
import { judgeFactory } from './judge.js';
import { matchFactory } from './match.js';
import { createSafetyValidator } from './safety.js';
import { toolCallFactory } from './tool-call.js';
import type { ValidatorFactory } from './types.js';

export const VALIDATOR_FACTORIES: Record<string, ValidatorFactory> = {
  'json-schema': jsonSchemaFactory,
  'code-syntax': codeSyntaxFactory,
  safety: createSafetyValidator,
  'tool-call': toolCallFactory,
  finish: finishFactory,
  match: matchFactory,
  custom: customFactory,
  judge: judgeFactory,
};
