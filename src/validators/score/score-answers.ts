/**
 * Scores recorded answers with no model calls (`chainproof score`): reads JSONL line by line and
 * yields one verdict line per answer and validator, so memory does not grow with the file.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { isUserInputError, UserInputError } from '../../core/errors.js';
import type { Case, Verdict } from '../../core/types.js';
import type { Validator } from '../types.js';
import { AnswerLineSchema, toValidationInput } from './answer-line.js';

/** One line of verdicts.jsonl (DESIGN.md §9). */
export interface VerdictLine {
  id: string;
  validator: string;
  pass: boolean;
  score?: number;
  categories: string[];
  reasons: Verdict['reasons'];
  cost_usd?: number;
}

export type CaseLookup = (id: string) => Pick<Case, 'id' | 'request' | 'expect' | 'tags'> | undefined;

export interface ScoreAnswersOptions {
  validators: Validator[];
  /** Where an answer's case comes from when the line does not carry it (the suite's datasets). */
  lookupCase?: CaseLookup;
}

export async function* scoreAnswerFile(file: string, displayPath: string, options: ScoreAnswersOptions): AsyncGenerator<VerdictLine> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  stream.on('error', () => undefined);
  const opened = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    stream.once('open', () => resolve(undefined));
    stream.once('error', (error) => resolve(error));
  });
  const unreadable = (error: NodeJS.ErrnoException) =>
    new UserInputError(`cannot read answers file ${displayPath}: ${error.code === 'EISDIR' ? 'it is a directory' : (error.code ?? error.message)}`, { hint: 'Pass a JSONL file of {"id", "output"} lines.' });
  if (opened) throw unreadable(opened);
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const text of lines) {
      lineNumber += 1;
      if (text.trim() === '') continue;
      yield* scoreAnswerLine(text, { file: displayPath, line: lineNumber }, options);
    }
  } catch (error) {
    // A directory opens on Linux and fails on the first read.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw unreadable(error as NodeJS.ErrnoException);
    throw error;
  } finally {
    stream.destroy();
  }
}

export async function* scoreAnswerLine(text: string, where: { file: string; line: number }, options: ScoreAnswersOptions): AsyncGenerator<VerdictLine> {
  const answer = parseAnswerLine(text, where);
  const input = toValidationInput(answer, options.lookupCase?.(answer.id));
  for (const validator of options.validators) {
    let verdict: Verdict;
    try {
      validator.check?.(input.case);
      verdict = await validator.validate(input);
    } catch (error) {
      if (!isUserInputError(error)) throw error;
      throw new UserInputError(error.message, { location: where, hint: error.hint, details: error.details });
    }
    yield toVerdictLine(answer.id, verdict);
  }
}

function parseAnswerLine(text: string, where: { file: string; line: number }) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserInputError(`not a JSON line: ${(error as Error).message}`, { location: where, hint: 'Each line is one JSON object: {"id", "output", "schema"?, "language"?}.' });
  }
  const parsed = AnswerLineSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new UserInputError(`${issue.path.join('.') || 'line'}: ${issue.message}`, { location: where, hint: 'Each line is one JSON object: {"id", "output", "schema"?, "language"?}.' });
}

function toVerdictLine(id: string, verdict: Verdict): VerdictLine {
  const line: VerdictLine = { id, validator: verdict.validator, pass: verdict.pass, categories: verdict.categories, reasons: verdict.reasons };
  if (verdict.score !== undefined) line.score = verdict.score;
  if (verdict.cost_usd !== undefined) line.cost_usd = verdict.cost_usd;
  return line;
}
