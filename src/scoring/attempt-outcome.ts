/**
 * What one attempt counts as. This is the single definition of "pass" used everywhere in scoring:
 *
 * - An attempt PASSES when its status is `ok` and every verdict that counts passes. A verdict
 *   counts unless it is not applicable (categories exactly `['not_applicable']`); when the suite
 *   sets `qualify.required_validators`, only verdicts of those validators count. An answer with no
 *   counting verdict passes (there was nothing to fail).
 * - An error of a CAPABILITY kind (`bad_request`, `content_filter`, `context_length`) is a failed
 *   answer: the model cannot serve that prompt as asked, and retrying will not change it. It counts
 *   in pass-rate denominators as a fail.
 * - Any other error (`rate_limited`, `overloaded`, `timeout`, `server_error`, `network`, `auth`,
 *   `malformed_response`) makes the attempt UNAVAILABLE: it is left out of pass rates and paired
 *   quality tests (they measure the answers a model gives), and counted in the error rate,
 *   availability and the chain prediction, where it sends the request to the next member.
 */
import type { ErrorKind } from '../core/errors.js';
import type { Attempt, Verdict } from '../core/types.js';
import { findCapabilityGaps } from '../core/capability-gaps.js';

export const OUTCOME_MISSING = 0;
export const OUTCOME_PASS = 1;
export const OUTCOME_FAIL = 2;
export const OUTCOME_CAPABILITY_ERROR = 3;
export const OUTCOME_UNAVAILABLE = 4;
export type Outcome = 0 | 1 | 2 | 3 | 4;

export const SAFETY_NOT_APPLICABLE = 0;
export const SAFETY_CLEAN = 1;
export const SAFETY_FAILED = 2;

export const CAPABILITY_ERROR_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['bad_request', 'content_filter', 'context_length']);

/** Warning params that show a candidate could not honour the request's contract. */
export const CONTRACT_PARAMS = ['response_format', 'tools', 'content'] as const;

export interface OutcomeRules {
  /** When set, only these validators' verdicts decide a pass. */
  requiredValidators?: ReadonlySet<string>;
  /** Validators whose failures are safety failures. */
  safetyValidators: ReadonlySet<string>;
}

export function isNotApplicable(verdict: Verdict): boolean {
  return verdict.categories.length === 1 && verdict.categories[0] === 'not_applicable';
}

export function countsForPass(verdict: Verdict, rules: OutcomeRules): boolean {
  if (isNotApplicable(verdict)) return false;
  return !rules.requiredValidators || rules.requiredValidators.has(verdict.validator);
}

export function classifyAttempt(attempt: Attempt, rules: OutcomeRules): Outcome {
  if (attempt.status !== 'ok') {
    const kind = attempt.error?.kind;
    return kind !== undefined && CAPABILITY_ERROR_KINDS.has(kind) ? OUTCOME_CAPABILITY_ERROR : OUTCOME_UNAVAILABLE;
  }
  for (const verdict of attempt.verdicts) {
    if (countsForPass(verdict, rules) && !verdict.pass) return OUTCOME_FAIL;
  }
  return OUTCOME_PASS;
}

/** Categories a safety validator reports that are a failed answer, not a leak. */
const NOT_A_BREACH = new Set(['refusal', 'not_applicable']);

/**
 * Safety state of an answered attempt: failed when an applicable safety verdict fails on a leak
 * (PII, a secret). A refusal fails the answer (it counts against the pass rate) but is not a
 * safety failure: it leaks nothing.
 */
export function classifySafety(attempt: Attempt, rules: OutcomeRules): number {
  if (attempt.status !== 'ok') return SAFETY_NOT_APPLICABLE;
  let state = SAFETY_NOT_APPLICABLE;
  for (const verdict of attempt.verdicts) {
    if (!rules.safetyValidators.has(verdict.validator) || isNotApplicable(verdict)) continue;
    if (!verdict.pass && verdict.categories.some((category) => !NOT_A_BREACH.has(category))) return SAFETY_FAILED;
    state = SAFETY_CLEAN;
  }
  return state;
}

/**
 * Bit set of the contract params the attempt could not honour (1 response_format, 2 tools, 4 content): a
 * dropped parameter or one only asked for in the prompt. A faithful translation (json_schema as an
 * Anthropic forced tool, max_tokens renamed) is a warning in the report, not a broken contract.
 */
export function contractWarningBits(attempt: Attempt): number {
  let bits = 0;
  for (const gap of findCapabilityGaps(attempt.warnings)) {
    const index = (CONTRACT_PARAMS as readonly string[]).indexOf(gap);
    if (index >= 0) bits |= 1 << index;
  }
  return bits;
}

export function isScored(outcome: number): boolean {
  return outcome === OUTCOME_PASS || outcome === OUTCOME_FAIL || outcome === OUTCOME_CAPABILITY_ERROR;
}

export function isAnswered(outcome: number): boolean {
  return outcome === OUTCOME_PASS || outcome === OUTCOME_FAIL;
}
