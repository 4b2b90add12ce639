/**
 * Per-tag strata of a paired comparison. A slice fails when the candidate is significantly worse
 * on it (two-sided mid-p McNemar with b > c) after Holm's correction across all tested tags, so a
 * fallback that is fine overall but bad on one important slice is caught without the false alarms
 * that testing many tags at 5% each would raise.
 */
import { holmAdjust } from './holm.js';
import { nonInferiority } from './non-inferiority.js';
import { pairPassVectors } from './paired-counts.js';
import type { PairedIntervalMethod } from './paired-interval.js';
import type { PairedComparison } from './types.js';

export interface StratumResult {
  tag: string;
  paired: PairedComparison;
  adjusted_p: number;
  failed: boolean;
}

export function testStrata(
  reference: Int8Array,
  candidate: Int8Array,
  keyCluster: Int32Array,
  tagKeys: Map<string, number[]>,
  margin: number,
  options: { minStratumSize?: number; method?: PairedIntervalMethod } = {},
): StratumResult[] {
  const minimum = options.minStratumSize ?? 10;
  const tested: Array<{ tag: string; paired: PairedComparison; b: number; c: number }> = [];
  for (const [tag, keys] of [...tagKeys].sort(([left], [right]) => left.localeCompare(right))) {
    const table = pairPassVectors(reference, candidate, keyCluster, keys);
    if (table.n < minimum) continue;
    const result = nonInferiority(table, margin, { method: options.method, designEffect: table.designEffect });
    const { verdict: _verdict, margin: _margin, ...paired } = result;
    tested.push({ tag, paired, b: table.b, c: table.c });
  }
  const adjusted = holmAdjust(tested.map((entry) => entry.paired.mid_p));
  return tested.map((entry, index) => ({
    tag: entry.tag,
    paired: entry.paired,
    adjusted_p: adjusted[index]!,
    failed: adjusted[index]! < 0.05 && entry.b > entry.c,
  }));
}
