/**
 * match: compares the answer (reasoning stripped, trimmed) with `expect.reference` or a literal.
 * Exactly one operator: `equals`, `contains`, `regex` or `starts-with`; its value is the literal
 * to compare with, or `true` to use the case's `expect.reference`. With no operator: equals the
 * reference. A case with no reference where one is needed is not applicable.
 *
 * Options: the operator, `ignore_case`, `normalize_whitespace`, `ignore_markdown`,
 * `normalize_quotes`, `whole_words` (all default false; see the schema's descriptions). The same
 * normalisations apply to the answer and to the expected text (not to a regex, which is a pattern).
 */
import { z } from 'zod';
import type { Verdict } from '../core/types.js';
import { stripReasoning } from './extract/strip-reasoning.js';
import { isWholeWordAt, normalizeText } from './match-normalize.js';
import { parseValidatorOptions } from './options.js';
import type { Validator, ValidatorFactory } from './types.js';
import { failVerdict, notApplicable, passVerdict } from './verdicts.js';

const NAME = 'match';
const OPERATORS = ['equals', 'contains', 'regex', 'starts-with'] as const;
type Operator = (typeof OPERATORS)[number];

const operand = z.union([z.string(), z.literal(true)]).optional();

export const MatchOptionsSchema = z
  .strictObject({
    equals: operand,
    contains: operand,
    regex: operand,
    'starts-with': operand,
    ignore_case: z.boolean().default(false).describe('Compare case-insensitively (a regex gets the i flag)'),
    normalize_whitespace: z.boolean().default(false).describe('Collapse runs of spaces, tabs and newlines to one space'),
    ignore_markdown: z
      .boolean()
      .default(false)
      .describe('Strip Markdown decoration before comparing: **bold**, _italic_, ~~strike~~, `code`, heading and quote markers, a fence around the whole answer'),
    normalize_quotes: z.boolean().default(false).describe('Treat typographic quotes and apostrophes (“ ” ‘ ’) as ASCII quotes'),
    whole_words: z
      .boolean()
      .default(false)
      .describe('contains / starts-with: the text must not be glued to a letter or digit ("5 days" does not match inside "15 days")'),
  })
  .refine((options) => OPERATORS.filter((operator) => options[operator] !== undefined).length <= 1, {
    message: 'use one of equals, contains, regex, starts-with',
  })
  .refine((options) => typeof options.regex !== 'string' || isValidRegex(options.regex), { message: 'not a valid regular expression', path: ['regex'] });
export type MatchOptions = z.infer<typeof MatchOptionsSchema>;

export function createMatchValidator(options: MatchOptions): Validator {
  const operator: Operator = OPERATORS.find((candidate) => options[candidate] !== undefined) ?? 'equals';
  const literal = options[operator];
  const normalize = (text: string) => normalizeText(text, options, operator !== 'regex');
  return {
    name: NAME,
    validate(input): Verdict {
      const expected = typeof literal === 'string' ? literal : input.case.expect?.reference;
      if (typeof expected !== 'string') return notApplicable(NAME, 'no expect.reference on this case');
      const answer = normalize(stripReasoning(input.output).text);
      if (matches(operator, answer, operator === 'regex' ? expected : normalize(expected), options)) return passVerdict(NAME);
      return failVerdict(NAME, ['mismatch'], [{ message: `answer does not ${describe(operator)} ${JSON.stringify(truncate(expected))}` }]);
    },
  };
}

function matches(operator: Operator, answer: string, expected: string, options: MatchOptions): boolean {
  switch (operator) {
    case 'equals':
      return answer === expected;
    case 'contains':
      return options.whole_words ? containsWholeWords(answer, expected) : answer.includes(expected);
    case 'starts-with':
      return answer.startsWith(expected) && (!options.whole_words || isWholeWordAt(answer, 0, expected));
    case 'regex':
      return new RegExp(expected, options.ignore_case ? 'iu' : 'u').test(answer);
  }
}

function containsWholeWords(answer: string, expected: string): boolean {
  for (let at = answer.indexOf(expected); at >= 0; at = answer.indexOf(expected, at + 1)) {
    if (isWholeWordAt(answer, at, expected)) return true;
  }
  return false;
}

function describe(operator: Operator): string {
  return operator === 'regex' ? 'match' : operator === 'starts-with' ? 'start with' : operator === 'contains' ? 'contain' : 'equal';
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

export const matchFactory: ValidatorFactory = (options) => createMatchValidator(parseValidatorOptions(NAME, MatchOptionsSchema, options));
