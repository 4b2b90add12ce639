/**
 * Name → factory. The names are a contract: suites refer to them. Each validator's module is
 * loaded when a suite first uses it, so a run pays in memory only for the validators it has
 * (code-syntax's parsers, the TypeScript compiler among them, cost ~75 MB).
 */
import type { ValidatorFactory } from './types.js';

export const VALIDATOR_FACTORIES: Record<string, ValidatorFactory> = {
  'json-schema': async (options, context) => (await import('./json-schema.js')).jsonSchemaFactory(options, context),
  'code-syntax': async (options, context) => (await import('./code-syntax.js')).codeSyntaxFactory(options, context),
  safety: async (options, context) => (await import('./safety.js')).createSafetyValidator(options, context),
  'tool-call': async (options, context) => (await import('./tool-call.js')).toolCallFactory(options, context),
  finish: async (options, context) => (await import('./finish.js')).finishFactory(options, context),
  match: async (options, context) => (await import('./match.js')).matchFactory(options, context),
  custom: async (options, context) => (await import('./custom.js')).customFactory(options, context),
  judge: async (options, context) => (await import('./judge.js')).judgeFactory(options, context),
};
