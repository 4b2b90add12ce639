/**
 * The validator contract. One file per validator behind a name → factory registry. A validator
 * never executes model output.
 */
import type { CanonicalRequest, Case, FinishReason, ToolCall, Verdict } from '../core/types.js';

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
  /**
   * Checks what the validator reads from a case (a schema compiles, a language is known) and throws
   * a UserInputError when it is the user's mistake. Meant to run on every case before any paid
   * call; optional, `validate` throws the same error if it is skipped.
   */
  check?(testCase: ValidationInput['case']): void;
}

/** What a judge call returns: the judge model's answer and what it cost. */
export interface JudgeResult {
  text: string;
  costUsd: number;
}

/** Runs one request on the judge model; supplied by the runner so validators never import providers/. */
export type JudgeCall = (request: CanonicalRequest, candidateId: string) => Promise<JudgeResult>;

export interface ValidatorContext {
  /** Directory of the suite file, for paths in options (custom validators). */
  baseDir: string;
  /** Calls a configured candidate as a judge (judge validator). Absent: the judge validator cannot be created. */
  judge?: JudgeCall;
}

export type ValidatorFactory = (options: Record<string, unknown>, context: ValidatorContext) => Validator | Promise<Validator>;
