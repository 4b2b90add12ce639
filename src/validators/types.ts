/**
 * The validator contract. One file per validator behind a name → factory registry. A validator
 * never executes model output.
 */
import type { Case, FinishReason, ToolCall, Verdict } from '../core/types.js';

export interface ValidationInput {
  /** The answer text. */
  output: string;
  toolCalls?: ToolCall[];
  finishReason?: FinishReason;
  refusal?: string;
  /** The case: its request (response_format, tools) and expectations (schema, language, reference). */
  case: Pick<Case, 'id' | 'request' | 'expect' | 'tags'>;
}

export interface Validator {
  readonly name: string;
  validate(input: ValidationInput): Verdict | Promise<Verdict>;
}

export interface ValidatorContext {
  /** Directory of the suite file, for paths in options (custom validators). */
  baseDir: string;
}

export type ValidatorFactory = (options: Record<string, unknown>, context: ValidatorContext) => Validator | Promise<Validator>;
