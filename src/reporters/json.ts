/** The machine-readable summary: versioned, without the attempts (they stay in attempts.jsonl). */
import { RECORD_SCHEMA_VERSION, type RunRecordFile } from '../record/types.js';
import type { AttemptSource, ReporterOptions } from './types.js';

export const SUMMARY_KIND = 'chainproof-summary';

export async function renderJson(record: RunRecordFile, _attempts?: AttemptSource, options: ReporterOptions = {}): Promise<string> {
  const summary = {
    kind: SUMMARY_KIND,
    schema_version: RECORD_SCHEMA_VERSION,
    record_schema_version: record.schema_version,
    tool: record.tool,
    run_id: record.run_id,
    created_at: record.created_at,
    finished_at: record.finished_at,
    complete: record.complete,
    stopped_reason: record.stopped_reason,
    simulated: record.simulated,
    suite: record.suite,
    cases_digest: record.cases_digest,
    case_count: record.case_count,
    repeat: record.repeat,
    shard: record.shard,
    primary: record.primary,
    baseline_chain: record.baseline_chain,
    proposed_chain: record.summary.proposed_chain,
    candidates: record.candidates.map(({ id, provider, model, simulated }) => ({ id, provider, model, simulated })),
    gate: options.gate,
    summary: record.summary,
  };
  return JSON.stringify(summary, null, 2) + '\n';
}
