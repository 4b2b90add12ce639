/** Public API of validators/. */
export type { JudgeCall, JudgeResult, ValidationInput, Validator, ValidatorContext, ValidatorFactory } from './types.js';
export { VALIDATOR_FACTORIES } from './registry.js';
export { createValidator, createValidators, type ValidatorRef } from './create-validators.js';
export { NOT_APPLICABLE, isNotApplicable, notApplicable } from './verdicts.js';
export { extractJson, type ExtractJsonOptions, type JsonExtraction } from './extract/extract-json.js';
export { stripReasoning } from './extract/strip-reasoning.js';
export { findFences, type Fence } from './extract/find-fences.js';
export { createJsonSchemaValidator, resolveJsonExpectation, JsonSchemaOptionsSchema } from './json-schema.js';
export { createCodeSyntaxValidator, CodeSyntaxOptionsSchema } from './code-syntax.js';
export { createToolCallValidator, ToolCallOptionsSchema } from './tool-call.js';
export { createFinishValidator, FinishOptionsSchema } from './finish.js';
export { createMatchValidator, MatchOptionsSchema } from './match.js';
export { loadCustomValidator, CustomOptionsSchema } from './custom.js';
export { createJudgeValidator, buildJudgeRequest, JudgeOptionsSchema } from './judge.js';
