/** Every export passes its gateway's strict schema before anyone can write it. */
import type { z } from 'zod';
import { UserInputError } from '../../core/errors.js';

export function validateExport<T>(schema: z.ZodType<T>, value: unknown, format: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new UserInputError(`the ${format} export of this chain is not valid for that gateway: ${issues.join('; ')}`, {
    hint: 'Fix the candidate in the suite (model, base_url, params) and export again; nothing was written.',
  });
}
