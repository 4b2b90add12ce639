/** Percentiles by linear interpolation between order statistics (Hyndman–Fan type 7, as R and numpy). */

/** q in [0, 1] of values already sorted ascending; NaN for an empty list. */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  const fraction = position - below;
  return sorted[below]! + (sorted[above]! - sorted[below]!) * fraction;
}

/** q in [0, 1] of unsorted values (copied, not mutated). */
export function percentile(values: ArrayLike<number>, q: number): number {
  return percentileOfSorted(sortNumbers(values), q);
}

export function sortNumbers(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values as ArrayLike<number>);
  copy.sort();
  return copy;
}
