/**
 * finish: fails answers that ended the wrong way — cut at the token limit (`length`) or stopped by
 * a content filter — where the suite says so. An answer with no finish reason (recorded answers
 * scored without one) is not applicable.
 *
 * Options: `fail_on` (default ['length', 'content_filter']).
 */
import { z } from 'zod';
import type { FinishReason, Verdict } from '../core/types.js';
import { parseValidatorOptions } from './options.js';
import type { Validator, ValidatorFactory } from './types.js';
import { failVerdict, notApplicable, passVerdict } from './verdicts.js';

const NAME = 'finish';
const FAILABLE = ['length', 'content_filter', 'error', 'other', 'unknown'] as const satisfies readonly FinishReason[];

export const FinishOptionsSchema = z.strictObject({
  fail_on: z.array(z.enum(FAILABLE)).default(['length', 'content_filter']),
});
export type FinishOptions = z.infer<typeof FinishOptionsSchema>;

const CATEGORY: Record<(typeof FAILABLE)[number], string> = {
  length: 'truncated',
  content_filter: 'content_filter',
  error: 'finish_error',
  other: 'finish_other',
  unknown: 'finish_unknown',
};

const MESSAGE: Record<(typeof FAILABLE)[number], string> = {
  length: 'the answer was cut at the token limit (finish_reason: length)',
  content_filter: 'the answer was stopped by a content filter',
  error: 'the answer ended with an error',
  other: 'the answer ended for a reason other than stop',
  unknown: 'the provider did not say why the answer ended',
};

export function createFinishValidator(options: FinishOptions = { fail_on: ['length', 'content_filter'] }): Validator {
  const failOn = new Set<FinishReason>(options.fail_on);
  return {
    name: NAME,
    validate(input): Verdict {
      const reason = input.finishReason;
      if (reason === undefined) return notApplicable(NAME, 'no finish reason recorded');
      if (!failOn.has(reason)) return passVerdict(NAME);
      const key = reason as (typeof FAILABLE)[number];
      return failVerdict(NAME, [CATEGORY[key]], [{ message: MESSAGE[key] }]);
    },
  };
}

export const finishFactory: ValidatorFactory = (options) => createFinishValidator(parseValidatorOptions(NAME, FinishOptionsSchema, options));
