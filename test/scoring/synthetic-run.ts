/** Synthetic run records for scoring tests, drawn with a seeded PRNG (no simulator needed). */
import type { ErrorKind } from '../../src/core/errors.js';
import type { Attempt, RequestWarning, Verdict } from '../../src/core/types.js';
import type { CandidateSummary, RunManifest } from '../../src/record/types.js';
import { createRandom } from '../../src/scoring/random.js';

export interface SyntheticCandidate {
  id: string;
  quality: number;
  /** Share of requests that fail with `errorKind` (independently). */
  errorRate?: number;
  errorKind?: ErrorKind;
  /** Share of requests lost to an outage of this candidate's `outageGroup` (shared by its members). */
  outageGroup?: string;
  latencyMs?: number;
  costUsd?: number;
  infra?: Record<string, string>;
  model?: string;
  provider?: string;
  safetyFailRate?: number;
  warningParam?: string;
  /** Type of the warning on `warningParam` (default `unsupported`: dropped). */
  warningType?: RequestWarning['type'];
  warningDetail?: string;
  simulated?: boolean;
}

export interface SyntheticRunOptions {
  cases: number;
  repeat?: number;
  seed?: string;
  candidates: SyntheticCandidate[];
  primary?: string;
  baselineChain?: string[];
  qualify?: Record<string, unknown>;
  /** How often a case's pass/fail is shared by every candidate (difficulty), else own coin. */
  sharedDifficulty?: number;
  outageRate?: Record<string, number>;
  simulated?: boolean;
  casesDigest?: string;
  tagsOf?: (caseIndex: number) => string[];
}

export interface SyntheticRun {
  manifest: RunManifest;
  attempts: Attempt[];
  caseTags: Map<string, string[]>;
}

export function makeManifest(options: Pick<SyntheticRunOptions, 'candidates' | 'primary' | 'baselineChain' | 'qualify' | 'simulated' | 'casesDigest' | 'cases' | 'repeat'>): RunManifest {
  const candidates: CandidateSummary[] = options.candidates.map((candidate) => ({
    id: candidate.id,
    provider: candidate.provider ?? 'simulated',
    model: candidate.model ?? `model-${candidate.id}`,
    price_source: 'suite',
    infra: candidate.infra,
    simulated: candidate.simulated ?? options.simulated ?? false,
  }));
  return {
    schema_version: 1,
    tool: { name: 'chainproof', version: '0.0.0-test' },
    run_id: 'test-run',
    created_at: '2025-01-01T00:00:00.000Z',
    complete: true,
    simulated: options.simulated ?? false,
    suite: { name: 'synthetic', path: 'synthetic.suite.yaml', digest: 'suite-digest' },
    datasets: [{ path: 'synthetic.jsonl', digest: 'dataset-digest', cases: options.cases }],
    cases_digest: options.casesDigest ?? 'cases-digest',
    case_count: options.cases,
    seed: 7,
    repeat: options.repeat ?? 1,
    candidates,
    primary: options.primary ?? options.candidates[0]!.id,
    baseline_chain: options.baselineChain,
    validators: ['json-schema', 'safety'],
    qualify: options.qualify ?? {},
    run_options: {},
    environment: { node: 'v20', platform: 'linux' },
  };
}

export function makeSyntheticRun(options: SyntheticRunOptions): SyntheticRun {
  const random = createRandom(options.seed ?? 'synthetic');
  const repeat = options.repeat ?? 1;
  const shared = options.sharedDifficulty ?? 0.8;
  const attempts: Attempt[] = [];
  const caseTags = new Map<string, string[]>();
  for (let index = 0; index < options.cases; index += 1) {
    const caseId = `case-${String(index).padStart(4, '0')}`;
    caseTags.set(caseId, options.tagsOf ? options.tagsOf(index) : [index % 2 === 0 ? 'billing' : 'code']);
    for (let rep = 0; rep < repeat; rep += 1) {
      const difficulty = random();
      const outages = new Map(Object.entries(options.outageRate ?? {}).map(([group, rate]) => [group, random() < rate]));
      for (const candidate of options.candidates) {
        const own = random();
        const draw = random() < shared ? difficulty : own;
        const failedByOutage = candidate.outageGroup !== undefined && outages.get(candidate.outageGroup) === true;
        const failedByError = random() < (candidate.errorRate ?? 0);
        const pass = draw < candidate.quality;
        const safetyFailed = random() < (candidate.safetyFailRate ?? 0);
        attempts.push(
          makeAttempt({
            caseId,
            candidate,
            repeat: rep,
            error: failedByOutage ? 'server_error' : failedByError ? (candidate.errorKind ?? 'rate_limited') : undefined,
            pass,
            safetyFailed,
            latencyMs: (candidate.latencyMs ?? 400) * (0.5 + random()),
          }),
        );
      }
    }
  }
  return { manifest: makeManifest(options), attempts, caseTags };
}

export function makeAttempt(input: {
  caseId: string;
  candidate: Pick<SyntheticCandidate, 'id' | 'costUsd' | 'warningParam' | 'warningType' | 'warningDetail' | 'simulated'>;
  repeat: number;
  error?: ErrorKind;
  pass: boolean;
  safetyFailed?: boolean;
  latencyMs?: number;
  costUsd?: number;
}): Attempt {
  const warnings: RequestWarning[] = input.candidate.warningParam ? [{ type: input.candidate.warningType ?? 'unsupported', param: input.candidate.warningParam, detail: input.candidate.warningDetail ?? 'dropped' }] : [];
  const base = {
    case_id: input.caseId,
    candidate_id: input.candidate.id,
    repeat: input.repeat,
    retries: 0,
    latency_ms: input.latencyMs ?? 400,
    usage: { input_tokens: 100, output_tokens: 50 },
    output: '',
    warnings,
    simulated: input.candidate.simulated ?? false,
  };
  if (input.error) {
    return { ...base, status: 'error', error: { kind: input.error, retryable: true, message: 'synthetic' }, cost_usd: 0, finish_reason: 'error', verdicts: [] };
  }
  const verdicts: Verdict[] = [
    { validator: 'json-schema', pass: input.pass, categories: input.pass ? [] : ['schema'], reasons: [] },
    { validator: 'safety', pass: !input.safetyFailed, categories: input.safetyFailed ? ['email'] : [], reasons: [] },
    { validator: 'code-syntax', pass: false, categories: ['not_applicable'], reasons: [] },
  ];
  return { ...base, status: 'ok', cost_usd: input.costUsd ?? input.candidate.costUsd ?? 0.001, finish_reason: 'stop', verdicts };
}
