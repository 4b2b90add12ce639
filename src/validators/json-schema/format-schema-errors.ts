/** ajv errors → reasons located by JSON pointer (RFC 6901; the root is shown as "/"). */
import type { ErrorObject } from 'ajv';
import type { VerdictReason } from '../../core/types.js';

export function formatSchemaErrors(errors: readonly ErrorObject[]): VerdictReason[] {
  const reasons: VerdictReason[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // `if`/`then` and `anyOf` add a summary error after the specific ones; the specific ones say more.
    if (error.keyword === 'if') continue;
    const reason = formatSchemaError(error);
    const key = `${reason.location}\u0000${reason.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reasons.push(reason);
  }
  return reasons;
}

function formatSchemaError(error: ErrorObject): VerdictReason {
  const params = error.params as Record<string, unknown>;
  const pointer = error.instancePath;
  switch (error.keyword) {
    case 'required':
      return { message: `missing required property "${String(params.missingProperty)}"`, location: `${pointer}/${escapePointer(String(params.missingProperty))}` };
    case 'additionalProperties':
      return { message: `unexpected property "${String(params.additionalProperty)}" (additionalProperties is false)`, location: `${pointer}/${escapePointer(String(params.additionalProperty))}` };
    case 'enum':
      return { message: `must be one of ${JSON.stringify(params.allowedValues)}`, location: pointer || '/' };
    case 'const':
      return { message: `must equal ${JSON.stringify(params.allowedValue)}`, location: pointer || '/' };
    case 'format':
      return { message: `must be a valid ${String(params.format)}`, location: pointer || '/' };
    default:
      return { message: error.message ?? `fails ${error.keyword}`, location: pointer || '/' };
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
