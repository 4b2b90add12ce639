/**
 * Turns the outcome of an attempt's last try into the attempts.jsonl line, and scores it with
 * every validator. An error attempt keeps any partial output a cut stream delivered, for the record,
 * but is not validated: it has no answer to judge (scoring counts it as an error).
 */
import type { ProviderError } from '../core/errors.js';
import { toAttemptError, type Attempt, type Case, type RetryRecord, type Usage } from '../core/types.js';
import type { CallResult } from '../providers/types.js';
import type { Validator } from '../validators/types.js';

export interface AttemptIdentity {
  testCase: Case;
  candidateId: string;
  repeat: number;
  retryRecords: RetryRecord[];
  startedAtIso: string;
}

const ZERO_USAGE: Usage = { input_tokens: 0, output_tokens: 0 };

export function toSuccessAttempt(identity: AttemptIdentity, result: CallResult): Attempt {
  const response = result.response;
  const attempt: Attempt = {
    case_id: identity.testCase.id,
    candidate_id: identity.candidateId,
    repeat: identity.repeat,
    status: 'ok',
    retries: identity.retryRecords.length,
    latency_ms: round(result.latencyMs),
    usage: response.usage,
    cost_usd: result.costUsd,
    output: response.text,
    finish_reason: response.finishReason,
    warnings: result.warnings,
    verdicts: [],
    started_at: identity.startedAtIso,
  };
  if (identity.retryRecords.length > 0) attempt.retry_errors = identity.retryRecords;
  if (result.ttftMs !== undefined) attempt.ttft_ms = round(result.ttftMs);
  if (response.toolCalls.length > 0) attempt.tool_calls = response.toolCalls;
  if (response.rawFinishReason !== undefined) attempt.raw_finish_reason = response.rawFinishReason;
  if (response.refusal !== undefined) attempt.refusal = response.refusal;
  if (response.servedModel !== undefined) attempt.served_model = response.servedModel;
  if (result.simulated) attempt.simulated = true;
  return attempt;
}

export function toErrorAttempt(
  identity: AttemptIdentity,
  error: ProviderError,
  latencyMs: number,
  extra: { warnings?: Attempt['warnings']; simulated?: boolean } = {},
): Attempt {
  const attempt: Attempt = {
    case_id: identity.testCase.id,
    candidate_id: identity.candidateId,
    repeat: identity.repeat,
    status: 'error',
    error: toAttemptError(error.info),
    retries: identity.retryRecords.length,
    latency_ms: round(latencyMs),
    usage: ZERO_USAGE,
    cost_usd: 0,
    output: error.partialOutput ?? '',
    finish_reason: 'error',
    warnings: extra.warnings ?? [],
    verdicts: [],
    started_at: identity.startedAtIso,
  };
  if (identity.retryRecords.length > 0) attempt.retry_errors = identity.retryRecords;
  if (extra.simulated) attempt.simulated = true;
  return attempt;
}

/** Runs every validator on an answered attempt. A validator that throws is a chainproof bug: it propagates. */
export async function validateAttempt(attempt: Attempt, testCase: Case, validators: readonly Validator[]): Promise<Attempt> {
  if (attempt.status !== 'ok' || validators.length === 0) return attempt;
  const verdicts = [];
  for (const validator of validators) {
    verdicts.push(
      await validator.validate({
        output: attempt.output,
        toolCalls: attempt.tool_calls,
        finishReason: attempt.finish_reason,
        refusal: attempt.refusal,
        case: testCase,
      }),
    );
  }
  attempt.verdicts = verdicts;
  return attempt;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
