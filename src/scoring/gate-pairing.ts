/**
 * Lines up two chains for the gate: each chain replayed on its own run's facts (or both on the
 * same run), paired on (case id, repeat). Rows are the new run's keys where both chains could be
 * replayed.
 */
import type { AttemptFacts } from './attempt-facts.js';
import type { ServedChain } from './chain-serve.js';
import type { PairedRows } from './gate-ratios.js';

export interface ChainSide {
  facts: AttemptFacts;
  served: ServedChain;
}

export interface AlignedChains {
  /** New-run keys of the paired rows. */
  keys: Int32Array;
  newRow: Int32Array;
  oldRow: Int32Array;
}

export function alignChains(fresh: ChainSide, old: ChainSide): AlignedChains {
  const oldRowOfKey = new Int32Array(old.facts.keyCount).fill(-1);
  old.served.keys.forEach((key, row) => {
    oldRowOfKey[key] = row;
  });
  const keys: number[] = [];
  const newRows: number[] = [];
  const oldRows: number[] = [];
  const sameRun = fresh.facts === old.facts;
  fresh.served.keys.forEach((key, row) => {
    const oldKey = sameRun ? key : old.facts.findKey(fresh.facts.caseOfKey(key), fresh.facts.keyRepeat.data[key]!);
    if (oldKey < 0) return;
    const oldRow = oldRowOfKey[oldKey]!;
    if (oldRow < 0) return;
    keys.push(key);
    newRows.push(row);
    oldRows.push(oldRow);
  });
  return { keys: Int32Array.from(keys), newRow: Int32Array.from(newRows), oldRow: Int32Array.from(oldRows) };
}

/** Pass vectors over the new run's keys (−1 off the paired rows), for pairPassVectors. */
export function alignedPassVectors(aligned: AlignedChains, fresh: ServedChain, old: ServedChain, keyCount: number): { fresh: Int8Array; old: Int8Array } {
  const freshVector = new Int8Array(keyCount).fill(-1);
  const oldVector = new Int8Array(keyCount).fill(-1);
  aligned.keys.forEach((key, index) => {
    freshVector[key] = fresh.pass[aligned.newRow[index]!]!;
    oldVector[key] = old.pass[aligned.oldRow[index]!]!;
  });
  return { fresh: freshVector, old: oldVector };
}

export function toPairedRows(aligned: AlignedChains, fresh: ServedChain, old: ServedChain, keyCluster: Int32Array): PairedRows {
  const dense = new Map<number, number>();
  const cluster = Int32Array.from(aligned.keys, (key) => {
    const original = keyCluster[key]!;
    let index = dense.get(original);
    if (index === undefined) {
      index = dense.size;
      dense.set(original, index);
    }
    return index;
  });
  const pick = <T extends Float64Array | Int8Array>(source: T, rows: Int32Array, create: (length: number) => T): T => {
    const out = create(rows.length);
    rows.forEach((row, index) => {
      out[index] = source[row]!;
    });
    return out;
  };
  const floats = (length: number) => new Float64Array(length);
  const bytes = (length: number) => new Int8Array(length);
  return {
    cluster,
    clusterCount: dense.size,
    newCost: pick(fresh.cost, aligned.newRow, floats),
    newPass: pick(fresh.pass, aligned.newRow, bytes),
    newLatency: pick(fresh.latency, aligned.newRow, floats),
    oldCost: pick(old.cost, aligned.oldRow, floats),
    oldPass: pick(old.pass, aligned.oldRow, bytes),
    oldLatency: pick(old.latency, aligned.oldRow, floats),
  };
}
