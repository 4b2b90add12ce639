/**
 * A parsed YAML/JSON source checked against a zod schema, with every problem reported the same
 * way for every file users write (suites, simulator scenarios): `file:line:col field.path:
 * message — did you mean …`, one line each, exit 2.
 */
import type { z } from 'zod';
import { UserInputError, formatLocation } from '../core/errors.js';
import { locatePath, type YamlSource } from './yaml-source.js';
import { formatFieldPath, toReadableIssues } from './zod-issues.js';

export function validateSource<Schema extends z.ZodType>(source: YamlSource, schema: Schema, what: string, hint: string): z.infer<Schema> {
  const parsed = schema.safeParse(source.value, { reportInput: true });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.flatMap((issue) => toReadableIssues(issue, schema));
  const lines = problems.map((problem) => {
    const location = locatePath(source, problem.path);
    const where = `${formatLocation({ ...location, path: undefined })} ${formatFieldPath(problem.path)}`;
    return `${where}: ${problem.message}${problem.hint ? ` — ${problem.hint}` : ''}`;
  });
  throw new UserInputError(problems.length === 1 ? `the ${what} has a problem:` : `the ${what} has ${problems.length} problems:`, {
    location: { file: source.file },
    details: lines,
    hint,
  });
}
