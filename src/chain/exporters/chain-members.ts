/**
 * The members of the proposed chain with what every exporter needs: the candidate as recorded, its
 * scorecard, where its key comes from, and a timeout derived from its measured latency.
 */
import type { ProviderKind } from '../../config/suite-schema.js';
import { UserInputError } from '../../core/errors.js';
import { defaultApiKeyEnv } from '../../providers/index.js';
import type { CandidateSummary, RunRecordFile } from '../../record/types.js';
import type { Scorecard } from '../../scoring/types.js';

export const DEFAULT_SIMULATOR_URL = 'http://127.0.0.1:4141';

/**
 * Gateways need a key per target even where chainproof needs none (Portkey rejects a target
 * without one): the variable a gateway reads for those.
 */
const GATEWAY_ONLY_KEY_ENV: Record<string, string> = {
  'openai-compatible': 'OPENAI_API_KEY',
  simulated: 'CHAINPROOF_SIM_API_KEY',
};

export interface ChainMember {
  position: number;
  candidate: CandidateSummary;
  scorecard?: Scorecard;
  /** Name of the environment variable holding the key: never the key. */
  keyEnv: string;
  timeoutMs: number;
  /** The wire protocol the member speaks (a simulated or compatible candidate says which). */
  protocol: 'openai' | 'anthropic' | 'gemini';
}

export function resolveChainMembers(record: RunRecordFile): ChainMember[] {
  const chain = record.summary.proposed_chain;
  if (chain.length === 0) {
    throw new UserInputError(`run ${record.run_id} has no proposed chain: no candidate qualified, so there is nothing to export`, {
      hint: 'Read the report (chainproof report RUN_DIR) for why each candidate was not qualified.',
    });
  }
  const candidates = new Map(record.candidates.map((candidate) => [candidate.id, candidate]));
  const cards = new Map(record.summary.scorecards.map((card) => [card.candidate_id, card]));
  return chain.map((id, index) => {
    const candidate = candidates.get(id);
    if (!candidate) throw new UserInputError(`proposed chain member "${id}" is not among the run's candidates`, { location: { file: 'run.json', path: `summary.proposed_chain[${index}]` } });
    const scorecard = cards.get(id);
    return {
      position: index + 1,
      candidate,
      scorecard,
      keyEnv: candidate.api_key_env ?? defaultApiKeyEnv(candidate.provider as ProviderKind) ?? GATEWAY_ONLY_KEY_ENV[candidate.provider] ?? 'OPENAI_API_KEY',
      timeoutMs: deriveTimeoutMs(scorecard, candidate.timeout_ms ?? readNumber(record.run_options.timeout_ms) ?? 30_000),
      protocol: resolveProtocol(candidate),
    };
  });
}

/** Answers needed before a measured tail sets a gateway timeout. */
export const MIN_LATENCY_SAMPLES = 30;

/**
 * A timeout a gateway can act on: long enough for the slow tail the run measured (1.5 × p99, at
 * least 2 × p95), rounded up to a second, never past what the run itself allowed.
 */
export function deriveTimeoutMs(scorecard: Scorecard | undefined, configuredMs: number): number {
  const latency = scorecard?.latency_ms;
  // A p99 from a handful of answers says little about the tail: keep the run's own timeout.
  if (!latency || latency.n < MIN_LATENCY_SAMPLES) return configuredMs;
  const wanted = Math.max(latency.p99 * 1.5, latency.p95 * 2, 1000);
  return Math.min(Math.ceil(wanted / 1000) * 1000, configuredMs);
}

/** Retries the run allowed each call: what the availability figures were measured with. */
export function readRetries(record: RunRecordFile): number {
  return Math.max(0, Math.min(5, readNumber(record.run_options.retries) ?? 2));
}

/** Chain members after `position` that never failed with `kind`, when some member did. */
export function findMembersHandling(members: ChainMember[], kind: string): Map<string, string[]> {
  const failed = (member: ChainMember) => (member.scorecard?.errors_by_kind[kind] ?? 0) > 0;
  const handled = (member: ChainMember) => member.scorecard !== undefined && !failed(member);
  const out = new Map<string, string[]>();
  members.forEach((member, index) => {
    if (!failed(member)) return;
    const next = members.slice(index + 1).filter(handled).map((other) => other.candidate.id);
    if (next.length > 0) out.set(member.candidate.id, next);
  });
  return out;
}

export function baseUrlOf(member: ChainMember, simulatorUrl = DEFAULT_SIMULATOR_URL): string | undefined {
  const recorded = member.candidate.base_url?.replace(/\/+$/, '');
  if (recorded) return recorded;
  if (member.candidate.provider === 'simulated') return `${simulatorUrl.replace(/\/+$/, '')}/${member.protocol}/v1`;
  return undefined;
}

function resolveProtocol(candidate: CandidateSummary): ChainMember['protocol'] {
  if (candidate.protocol === 'anthropic' || candidate.protocol === 'gemini' || candidate.protocol === 'openai') return candidate.protocol;
  if (candidate.provider === 'anthropic') return 'anthropic';
  if (candidate.provider === 'gemini') return 'gemini';
  return 'openai';
}

function readNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
