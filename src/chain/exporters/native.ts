/** chain.json: the chain as chainproof sees it, with the evidence and the predictions behind it. */
import { z } from 'zod';
import type { RunRecordFile } from '../../record/types.js';
import { resolveChainMembers } from './chain-members.js';
import type { ChainExport } from './types.js';
import { validateExport } from './validate-export.js';

const rate = z.strictObject({ k: z.number(), n: z.number(), rate: z.number(), low: z.number(), high: z.number() });

export const NativeChainSchema = z.strictObject({
  kind: z.literal('chainproof-chain'),
  schema_version: z.number().int().positive(),
  run_id: z.string(),
  created_at: z.string(),
  simulated: z.boolean(),
  suite: z.strictObject({ name: z.string(), digest: z.string() }),
  cases_digest: z.string(),
  case_count: z.number().int(),
  chain: z
    .array(
      z.strictObject({
        position: z.number().int().positive(),
        candidate_id: z.string(),
        provider: z.string(),
        model: z.string(),
        protocol: z.string(),
        base_url: z.string().optional(),
        api_key_env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/),
        params: z.record(z.string(), z.unknown()),
        timeout_ms: z.number().int().positive(),
        status: z.string(),
        reasons: z.array(z.string()),
        evidence: z
          .strictObject({
            pass: rate,
            error_rate: rate,
            latency_ms: z.strictObject({ p50: z.number(), p95: z.number(), p99: z.number() }).nullable(),
            cost_per_1k_requests_usd: z.number(),
          })
          .nullable(),
      }),
    )
    .min(1),
  baseline_chain: z.array(z.string()).optional(),
  prediction: z.unknown().optional(),
  baseline_prediction: z.unknown().optional(),
  warnings: z.array(z.string()),
});

export function exportNative(record: RunRecordFile): ChainExport {
  const members = resolveChainMembers(record);
  const qualifications = new Map(record.summary.qualification.map((entry) => [entry.candidate_id, entry]));
  const chain = members.map((member) => {
    const card = member.scorecard;
    const qualification = qualifications.get(member.candidate.id);
    const toRate = (estimate: NonNullable<typeof card>['pass']) => ({ k: estimate.k, n: estimate.n, rate: estimate.rate, low: estimate.interval.low, high: estimate.interval.high });
    return {
      position: member.position,
      candidate_id: member.candidate.id,
      provider: member.candidate.provider,
      model: member.candidate.model,
      protocol: member.protocol,
      ...(member.candidate.base_url ? { base_url: member.candidate.base_url } : {}),
      api_key_env: member.keyEnv,
      params: member.candidate.params ?? {},
      timeout_ms: member.timeoutMs,
      status: qualification?.status ?? 'qualified',
      reasons: qualification?.reasons ?? [],
      evidence: card
        ? {
            pass: toRate(card.pass),
            error_rate: toRate(card.error_rate),
            latency_ms: card.latency_ms ? { p50: card.latency_ms.p50, p95: card.latency_ms.p95, p99: card.latency_ms.p99 } : null,
            cost_per_1k_requests_usd: card.cost_per_1k_requests_usd,
          }
        : null,
    };
  });
  const document = validateExport(
    NativeChainSchema,
    {
      kind: 'chainproof-chain',
      schema_version: record.schema_version,
      run_id: record.run_id,
      created_at: record.created_at,
      simulated: record.simulated,
      suite: { name: record.suite.name, digest: record.suite.digest },
      cases_digest: record.cases_digest,
      case_count: record.case_count,
      chain,
      ...(record.baseline_chain ? { baseline_chain: record.baseline_chain } : {}),
      ...(record.summary.chain_prediction ? { prediction: record.summary.chain_prediction } : {}),
      ...(record.summary.baseline_prediction ? { baseline_prediction: record.summary.baseline_prediction } : {}),
      warnings: record.summary.warnings,
    },
    'native',
  );
  return { format: 'native', filename: 'chain.json', content: JSON.stringify(document, null, 2) + '\n', warnings: [] };
}
