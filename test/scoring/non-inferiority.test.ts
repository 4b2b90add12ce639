import { describe, expect, it } from 'vitest';
import { nonInferiority } from '../../src/scoring/index.js';

describe('cases that would settle a non-inferiority question', () => {
  // 100 pairs, 6 disagreements each way: equal quality, too few pairs to clear a 5-point margin.
  const counts = { a: 80, b: 6, c: 6, d: 8 };

  it('counts cases, not (case, repeat) pairs, when each case was answered several times', () => {
    const single = nonInferiority(counts, 0.05);
    expect(single.verdict).toBe('not_enough_evidence');
    const pairsNeeded = single.cases_needed!;
    expect(pairsNeeded).toBeGreaterThan(100);
    // Independent repeats (design effect 1): every answer is worth a case, so half as many cases.
    const twoRepeats = nonInferiority(counts, 0.05, { designEffect: 1, answersPerCase: 2 });
    expect(twoRepeats.cases_needed).toBe(Math.ceil(pairsNeeded / 2));
    // Repeats that always agree (design effect = repeats): they add nothing, the same cases are needed.
    const copies = nonInferiority(counts, 0.05, { designEffect: 3, answersPerCase: 3 });
    expect(copies.verdict).toBe('not_enough_evidence');
    expect(Math.abs(copies.cases_needed! - pairsNeeded)).toBeLessThanOrEqual(1);
  });
});
