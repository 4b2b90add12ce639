import { z } from 'zod';
import { createProviderError } from '../../core/errors.js';

/** JSON.parse + a minimal zod schema; anything else is a malformed_response. */
export function parseEventJson<Schema extends z.ZodType>(schema: Schema, data: string, what: string): z.infer<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw createProviderError('malformed_response', `${what} is not JSON: ${data.slice(0, 120)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw createProviderError('malformed_response', `unexpected ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
