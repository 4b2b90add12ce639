/**
 * match: compares the answer (reasoning stripped, trimmed) with `expect.reference` or a literal.
 * Exactly one operator: `equals`, `contains`, `regex` or `starts-with`; its value is the literal
 * to compare with, or `true` to use the case's `expect.reference`. With no operator: equals the
 * reference. A case with no reference where one is needed is not applicable.
 *
 * Options: the operator, `ignore_case` (default false), `normalize_whitespace` (default false).
 */
import { z } from 'zod';
import type { Verdict } from '../core/types.js';
import { stripReasoning } from './extract/strip-reasoning.js';
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
    ignore_case: z.boolean().default(false),
    normalize_whitespace: z.boolean().default(false),
  })
  .refine((options) => OPERATORS.filter((operator) => options[operator] !== undefined).length <= 1, {
    message: 'use one of equals, contains, regex, starts-with',
  })
  .refine((options) => typeof options.regex !== 'string' || isValidRegex(options.regex), { message: 'not a valid regular expression', path: ['regex'] });
export type MatchOptions = z.infer<typeof MatchOptionsSchema>;

export function createMatchValidator(options: MatchOptions): Validator {
  const operator: Operator = OPERATORS.find((candidate) => options[candidate] !== undefined) ?? 'equals';
  const literal = options[operator];
  const normalize = (text: string) => {
    let out = options.normalize_whitespace ? text.replace(/\s+/g, ' ').trim() : text.trim();
    if (options.ignore_case && operator !== 'regex') out = out.toLowerCase();
    return out;
  };
  return {
    name: NAME,
    validate(input): Verdict {
      const expected = typeof literal === 'string' ? literal : input.case.expect?.reference;
      if (typeof expected !== 'string') return notApplicable(NAME, 'no expect.reference on this case');
      const answer = normalize(stripReasoning(input.output).text);
      if (matches(operator, answer, operator === 'regex' ? expected : normalize(expected), options.ignore_case)) return passVerdict(NAME);
      return failVerdict(NAME, ['mismatch'], [{ message: `answer does not ${describe(operator)} ${JSON.stringify(truncate(expected))}` }]);
    },
  };
}

function matches(operator: Operator, answer: string, expected: string, ignoreCase: boolean): boolean {
  switch (operator) {
    case 'equals':
      return answer === expected;
    case 'contains':
      return answer.includes(expected);
    case 'starts-with':
      return answer.startsWith(expected);
    case 'regex':
      return new RegExp(expected, ignoreCase ? 'iu' : 'u').test(answer);
  }
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
