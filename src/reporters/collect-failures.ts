/**
 * One pass over the attempts for the reports that list cases: the first failing cases of each
 * candidate (bounded, so memory does not grow with the run) and the parameters that could not be
 * sent as asked.
 */
import type { Attempt } from '../core/types.js';
import { excerpt } from './format.js';
import { iterateAttempts, type AttemptSource } from './types.js';

export interface FailingCase {
  case_id: string;
  repeat: number;
  /** The validator that failed, or `error:<kind>` when no answer came back. */
  validator: string;
  reason: string;
  /** A short one-line excerpt of the answer, NOT escaped: each reporter escapes for its format. */
  excerpt: string;
}

export interface ParamWarning {
  param: string;
  type: string;
  detail: string;
  count: number;
}

export interface CandidateFindings {
  failing: number;
  shown: FailingCase[];
  /** Failures per validator (and per error kind), counted over every attempt. */
  by_validator: Record<string, number>;
  warnings: ParamWarning[];
}

export async function collectFailures(source: AttemptSource | undefined, limitPerCandidate = 10): Promise<Map<string, CandidateFindings>> {
  const findings = new Map<string, CandidateFindings>();
  for await (const attempt of iterateAttempts(source)) {
    let entry = findings.get(attempt.candidate_id);
    if (!entry) {
      entry = { failing: 0, shown: [], by_validator: {}, warnings: [] };
      findings.set(attempt.candidate_id, entry);
    }
    recordWarnings(entry, attempt);
    const failures = describeFailures(attempt);
    if (failures.length === 0) continue;
    entry.failing += 1;
    for (const failure of failures) entry.by_validator[failure.validator] = (entry.by_validator[failure.validator] ?? 0) + 1;
    if (entry.shown.length < limitPerCandidate) entry.shown.push(failures[0]!);
  }
  return findings;
}

export function describeFailures(attempt: Attempt): FailingCase[] {
  const base = { case_id: attempt.case_id, repeat: attempt.repeat, excerpt: excerpt(attempt.output ?? '', 100) };
  if (attempt.status === 'error') {
    const kind = attempt.error?.kind ?? 'unknown';
    return [{ ...base, validator: `error:${kind}`, reason: attempt.error?.message ?? kind }];
  }
  return attempt.verdicts
    .filter((verdict) => !verdict.pass)
    .map((verdict) => {
      const first = verdict.reasons[0];
      const reason = first ? `${first.location ? `${first.location}: ` : ''}${first.message}` : 'failed';
      return { ...base, validator: verdict.validator, reason: excerpt(reason, 160) };
    });
}

function recordWarnings(entry: CandidateFindings, attempt: Attempt): void {
  for (const warning of attempt.warnings ?? []) {
    const existing = entry.warnings.find((known) => known.param === warning.param && known.type === warning.type);
    if (existing) existing.count += 1;
    else entry.warnings.push({ param: warning.param, type: warning.type, detail: warning.detail, count: 1 });
  }
}
