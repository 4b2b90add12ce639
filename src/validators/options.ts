/** Validator options are checked with zod so a misspelled option fails the suite, not the gate. */
import type { z } from 'zod';
import { UserInputError } from '../core/errors.js';

export function parseValidatorOptions<T extends z.ZodType>(validator: string, schema: T, options: Record<string, unknown>): z.infer<T> {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = ['validators', validator, ...issue.path.map(String)].join('.');
  throw new UserInputError(`${path}: ${issue.message}`, {
    hint: `Check the options of the "${validator}" validator in the suite's validators: list.`,
  });
}
