/**
 * Prediction of a whole chain from the measured per-request outcomes (issue 7, "Ranking and
 * chain"): success rate, availability (independent and beta-factor correlated, naming each shared
 * dependency), latency percentiles over every path including failovers, and the expected cost with
 * each hop priced at the model that served (or failed) it.
 */
import type { CandidateSummary } from '../record/types.js';
import type { AttemptFacts } from './attempt-facts.js';
import { isAnswered, OUTCOME_MISSING } from './attempt-outcome.js';
import { correlatedAvailability, independentAvailability, type SharedDependency } from './chain-availability.js';
import { serveChain, type ServedChain } from './chain-serve.js';
import { percentileOfSorted, sortNumbers } from './percentile.js';
import type { ChainPrediction } from './types.js';
import { wilsonInterval } from './wilson.js';

export interface PredictOptions {
  /** β given to members that share a dependency when the run cannot measure a larger one. */
  defaultBeta?: number;
}

/** Providers whose name says nothing about shared infrastructure. */
const GENERIC_PROVIDERS = new Set(['simulated', 'openai-compatible']);

export function predictChain(facts: AttemptFacts, candidates: readonly CandidateSummary[], members: readonly string[], options: PredictOptions = {}): ChainPrediction {
  const served = serveChain(facts, members);
  const availabilities = members.map((id) => measureAvailability(facts, id));
  const dependencies = findSharedDependencies(facts, candidates, members, availabilities, options.defaultBeta ?? 0.1);
  const rows = served.keys.length;
  const passes = served.pass.reduce((sum, value) => sum + value, 0);
  const sortedLatency = sortNumbers(served.latency);
  const answered = served.servedBy.reduce((sum, member) => sum + (member >= 0 ? 1 : 0), 0);
  const servedShare: Record<string, number> = {};
  members.forEach((id, index) => {
    servedShare[id] = rows > 0 ? served.servedBy.filter((member) => member === index).length / rows : 0;
  });
  return {
    members: [...members],
    cases: rows,
    success_rate: rows > 0 ? passes / rows : 0,
    success_interval: wilsonInterval(passes, rows),
    availability_measured: rows > 0 ? answered / rows : 0,
    member_availability: Object.fromEntries(members.map((id, index) => [id, availabilities[index]!])),
    availability_independent: independentAvailability(availabilities),
    availability: correlatedAvailability(availabilities, dependencies),
    shared_dependencies: dependencies.map((dependency) => ({
      members: dependency.members.map((index) => members[index]!),
      tag: dependency.tag,
      value: dependency.value,
      beta: dependency.beta,
    })),
    latency_ms: {
      p50: percentileOfSorted(sortedLatency, 0.5),
      p95: percentileOfSorted(sortedLatency, 0.95),
      p99: percentileOfSorted(sortedLatency, 0.99),
    },
    cost_per_1k_requests_usd: rows > 0 ? (served.cost.reduce((sum, value) => sum + value, 0) / rows) * 1000 : 0,
    served_share: servedShare,
    ...unpricedMembers(candidates, members, servedShare),
  };
}

/** Share of a member's requests that got an answer (any error counts as unavailable). */
export function measureAvailability(facts: AttemptFacts, id: string): number {
  const column = facts.get(id)!;
  let attempts = 0;
  let answered = 0;
  for (let key = 0; key < facts.keyCount; key += 1) {
    const outcome = column.outcome.data[key]!;
    if (outcome === OUTCOME_MISSING) continue;
    attempts += 1;
    if (isAnswered(outcome)) answered += 1;
  }
  return attempts > 0 ? answered / attempts : 0;
}

/**
 * Groups of members sharing an `infra` tag value, the same model (weights) or the same named
 * vendor API. β is the larger of the default and what the run measured: the share of a member's
 * downtime that coincided with all the others' beyond chance, once at least 3 joint failures show.
 */
export function findSharedDependencies(
  facts: AttemptFacts,
  candidates: readonly CandidateSummary[],
  members: readonly string[],
  availabilities: readonly number[],
  defaultBeta: number,
): SharedDependency[] {
  const groups = new Map<string, { tag: string; value: string; members: number[] }>();
  const add = (tag: string, value: string, member: number): void => {
    const label = `${tag}\u0000${value}`;
    const group = groups.get(label) ?? { tag, value, members: [] };
    if (!group.members.includes(member)) group.members.push(member);
    groups.set(label, group);
  };
  members.forEach((id, member) => {
    const candidate = candidates.find((entry) => entry.id === id);
    if (!candidate) return;
    for (const [tag, value] of Object.entries(candidate.infra ?? {})) add(tag, value, member);
    add('model', candidate.model, member);
    if (!GENERIC_PROVIDERS.has(candidate.provider)) add('provider', candidate.provider, member);
  });
  const dependencies: SharedDependency[] = [];
  for (const group of groups.values()) {
    if (group.members.length < 2) continue;
    const measured = measureBeta(facts, group.members.map((index) => members[index]!), group.members.map((index) => availabilities[index]!));
    dependencies.push({ ...group, beta: Math.min(1, Math.max(defaultBeta, measured ?? 0)) });
  }
  return dependencies;
}

function measureBeta(facts: AttemptFacts, ids: readonly string[], availabilities: readonly number[]): number | null {
  const served = serveChain(facts, ids);
  let jointDown = 0;
  for (let row = 0; row < served.keys.length; row += 1) if (allDown(facts, ids, served, row)) jointDown += 1;
  if (jointDown < 3 || served.keys.length === 0) return null;
  const unavailable = availabilities.map((availability) => 1 - availability);
  const chance = unavailable.reduce((product, u) => product * u, 1);
  const smallest = Math.min(...unavailable);
  if (smallest <= 0) return null;
  return Math.max(0, (jointDown / served.keys.length - chance) / smallest);
}

function allDown(facts: AttemptFacts, ids: readonly string[], served: ServedChain, row: number): boolean {
  const key = served.keys[row]!;
  return ids.every((id) => !isAnswered(facts.get(id)!.outcome.data[key]!));
}

/** Members that served requests but have no price: the chain's cost leaves them out, and says so. */
function unpricedMembers(candidates: readonly CandidateSummary[], members: readonly string[], servedShare: Record<string, number>): { cost_unknown_for?: string[] } {
  const unpriced = members.filter((id) => (servedShare[id] ?? 0) > 0 && candidates.find((candidate) => candidate.id === id)?.price_source === 'none');
  return unpriced.length > 0 ? { cost_unknown_for: unpriced } : {};
}
