/**
 * Verdict helpers shared by every validator.
 *
 * A validator that has nothing to check on a case (json-schema with no schema or JSON
 * response_format, code-syntax with no language, tool-call without tools…) returns
 * `notApplicable`: `pass: true` with the single category `not_applicable`. Scoring must leave such
 * verdicts out of pass rates, so a case is never counted as passed by a validator that did not look.
 */
import type { Verdict, VerdictReason } from '../core/types.js';

export const NOT_APPLICABLE = 'not_applicable';

export function notApplicable(validator: string, why: string): Verdict {
  return { validator, pass: true, categories: [NOT_APPLICABLE], reasons: [{ message: why }] };
}

export function isNotApplicable(verdict: Verdict): boolean {
  return verdict.categories.includes(NOT_APPLICABLE);
}

export function passVerdict(validator: string, reasons: VerdictReason[] = []): Verdict {
  return { validator, pass: true, categories: [], reasons };
}

export function failVerdict(validator: string, categories: string[], reasons: VerdictReason[]): Verdict {
  return { validator, pass: false, categories: [...new Set(categories)], reasons };
}

/** Keeps verdicts readable when a schema has hundreds of violations. */
export function capReasons(reasons: VerdictReason[], limit: number): VerdictReason[] {
  if (reasons.length <= limit) return reasons;
  return [...reasons.slice(0, limit), { message: `…and ${reasons.length - limit} more` }];
}
