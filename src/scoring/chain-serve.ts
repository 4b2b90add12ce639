/**
 * What a chain would serve for each (case, repeat), computed from the measured attempts: every
 * candidate answered every prompt, so any failure pattern can be replayed, not only the observed
 * one. A member that errored (any kind) hands the request to the next, as a gateway configured
 * for fallback does; its time to fail and any cost it billed are paid on the way.
 */
import type { AttemptFacts, CandidateFacts } from './attempt-facts.js';
import { isAnswered, OUTCOME_MISSING, OUTCOME_PASS } from './attempt-outcome.js';

export interface ServedChain {
  members: string[];
  /** Keys where every member has an attempt (incomplete runs leave gaps). */
  keys: Int32Array;
  /** Per key of `keys`: 1 the served answer passes, 0 it fails or nobody answered. */
  pass: Int8Array;
  /** Member index that served, −1 when every member failed. */
  servedBy: Int16Array;
  latency: Float64Array;
  cost: Float64Array;
  safety: Uint8Array;
}

export interface ServeOptions {
  /** Members before this position are forced unavailable (forced failover to position `from`). */
  from?: number;
}

export function serveChain(facts: AttemptFacts, members: readonly string[], options: ServeOptions = {}): ServedChain {
  const columns = members.map((id) => {
    const found = facts.get(id);
    if (!found) throw new RangeError(`chain member "${id}" is not a candidate of this run`);
    return found;
  });
  const from = options.from ?? 0;
  const keys: number[] = [];
  for (let key = 0; key < facts.keyCount; key += 1) {
    if (columns.every((column) => column.outcome.data[key] !== OUTCOME_MISSING)) keys.push(key);
  }
  const served: ServedChain = {
    members: [...members],
    keys: Int32Array.from(keys),
    pass: new Int8Array(keys.length),
    servedBy: new Int16Array(keys.length).fill(-1),
    latency: new Float64Array(keys.length),
    cost: new Float64Array(keys.length),
    safety: new Uint8Array(keys.length),
  };
  keys.forEach((key, row) => serveKey(columns, from, key, row, served));
  return served;
}

function serveKey(columns: CandidateFacts[], from: number, key: number, row: number, served: ServedChain): void {
  let latency = 0;
  let cost = 0;
  for (let member = from; member < columns.length; member += 1) {
    const column = columns[member]!;
    const outcome = column.outcome.data[key]!;
    latency += finiteOrZero(column.latency.data[key]!);
    cost += finiteOrZero(column.cost.data[key]!);
    if (isAnswered(outcome)) {
      served.pass[row] = outcome === OUTCOME_PASS ? 1 : 0;
      served.servedBy[row] = member;
      served.safety[row] = column.safety.data[key]!;
      break;
    }
  }
  served.latency[row] = latency;
  served.cost[row] = cost;
}

function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** Pass vector over all keys (−1 where the chain could not be replayed) for pairing. */
export function servedPassVector(served: ServedChain, keyCount: number): Int8Array {
  const vector = new Int8Array(keyCount).fill(-1);
  served.keys.forEach((key, row) => {
    vector[key] = served.pass[row]!;
  });
  return vector;
}
