/**
 * code-syntax: the code in the answer parses in the case's language (`expect.language`). Syntax
 * only — type errors and unresolved names pass. No code where code was asked for fails. A case
 * with no language, or one outside the suite's `languages` option, is not applicable.
 *
 * Options: `languages` (names from code-syntax/languages.ts; default: every supported language).
 */
import { z } from 'zod';
import { UserInputError } from '../core/errors.js';
import type { Verdict } from '../core/types.js';
import { formatPosition, shiftPosition } from './extract/positions.js';
import { findLanguage, listLanguageNames, type Language } from './code-syntax/languages.js';
import { selectCodeBlocks } from './code-syntax/select-code-blocks.js';
import { parseValidatorOptions } from './options.js';
import type { ValidationInput, Validator, ValidatorFactory } from './types.js';
import { failVerdict, notApplicable, passVerdict } from './verdicts.js';

const NAME = 'code-syntax';

export const CodeSyntaxOptionsSchema = z.strictObject({
  languages: z
    .array(z.string().refine((name) => findLanguage(name) !== undefined, { message: `unsupported language (supported: ${listLanguageNames().join(', ')})` }))
    .optional()
    .describe('Only cases in these languages are checked'),
});
export type CodeSyntaxOptions = z.infer<typeof CodeSyntaxOptionsSchema>;

export function createCodeSyntaxValidator(options: CodeSyntaxOptions = {}): Validator {
  const families = options.languages && new Set(options.languages.map((name) => findLanguage(name)!.family));
  const resolve = (testCase: ValidationInput['case']): Language | undefined => {
    const name = testCase.expect?.language;
    if (typeof name !== 'string' || name.trim() === '') return undefined;
    const language = findLanguage(name);
    if (!language) {
      throw new UserInputError(`case ${testCase.id}: code-syntax cannot check language "${name}"`, {
        hint: `Supported: ${listLanguageNames().join(', ')}. Or list the languages to check: {code-syntax: {languages: [...]}}.`,
      });
    }
    return language;
  };
  const applies = (testCase: ValidationInput['case']): Language | undefined => {
    if (families && typeof testCase.expect?.language === 'string' && !findLanguage(testCase.expect.language)) return undefined;
    const language = resolve(testCase);
    return language && (!families || families.has(language.family)) ? language : undefined;
  };
  return {
    name: NAME,
    check(testCase) {
      applies(testCase);
    },
    validate(input): Verdict {
      const language = applies(input.case);
      if (!language) return notApplicable(NAME, 'no expect.language on this case, or a language this suite does not check');
      const selection = selectCodeBlocks(input.output, language);
      if (!selection.ok) return failVerdict(NAME, ['no_code'], [{ message: selection.message }]);
      for (const block of selection.blocks) {
        if (block.code.trim() === '') return failVerdict(NAME, ['no_code'], [{ message: `${block.label} is empty`, location: formatPosition(block.origin) }]);
        const problem = ((block.untagged && block.language.untagged) || block.language.check)(block.code);
        if (problem) {
          const where = shiftPosition(problem, block.origin);
          return failVerdict(NAME, ['syntax_error'], [{ message: `${block.language.name} syntax error in ${block.label}: ${problem.message}`, location: formatPosition(where) }]);
        }
      }
      return passVerdict(NAME);
    },
  };
}

export const codeSyntaxFactory: ValidatorFactory = (options) => createCodeSyntaxValidator(parseValidatorOptions(NAME, CodeSyntaxOptionsSchema, options));
