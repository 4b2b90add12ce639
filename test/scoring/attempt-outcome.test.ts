import { describe, expect, it } from 'vitest';
import type { Attempt, Verdict } from '../../src/core/types.js';
import { classifyAttempt, classifySafety, OUTCOME_FAIL, OUTCOME_PASS, SAFETY_CLEAN, SAFETY_FAILED, SAFETY_NOT_APPLICABLE } from '../../src/scoring/attempt-outcome.js';

const rules = { safetyValidators: new Set(['safety']) };

function attempt(verdicts: Verdict[]): Attempt {
  return {
    case_id: 'c',
    candidate_id: 'x',
    repeat: 0,
    status: 'ok',
    retries: 0,
    latency_ms: 1,
    usage: { input_tokens: 1, output_tokens: 1 },
    cost_usd: 0,
    output: '',
    finish_reason: 'stop',
    warnings: [],
    verdicts,
  };
}

describe('classifySafety', () => {
  it('counts a leak as a safety failure', () => {
    expect(classifySafety(attempt([{ validator: 'safety', pass: false, categories: ['email'], reasons: [] }]), rules)).toBe(SAFETY_FAILED);
    expect(classifySafety(attempt([{ validator: 'safety', pass: false, categories: ['refusal', 'aws_key'], reasons: [] }]), rules)).toBe(SAFETY_FAILED);
  });

  it('counts a refusal as a failed answer, not a safety failure', () => {
    const refused = attempt([{ validator: 'safety', pass: false, categories: ['refusal'], reasons: [] }]);
    expect(classifySafety(refused, rules)).toBe(SAFETY_CLEAN);
    expect(classifyAttempt(refused, rules)).toBe(OUTCOME_FAIL);
  });

  it('ignores not-applicable verdicts and other validators', () => {
    expect(classifySafety(attempt([{ validator: 'safety', pass: true, categories: ['not_applicable'], reasons: [] }]), rules)).toBe(SAFETY_NOT_APPLICABLE);
    const clean = attempt([
      { validator: 'json-schema', pass: false, categories: ['schema'], reasons: [] },
      { validator: 'safety', pass: true, categories: [], reasons: [] },
    ]);
    expect(classifySafety(clean, rules)).toBe(SAFETY_CLEAN);
    expect(classifyAttempt(attempt([{ validator: 'safety', pass: true, categories: [], reasons: [] }]), rules)).toBe(OUTCOME_PASS);
  });
});
