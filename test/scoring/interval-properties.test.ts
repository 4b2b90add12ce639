/** Property tests (fast-check) on the interval functions: bounds, symmetry, monotonicity, coverage. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clopperPearson, clopperPearsonUpper } from '../../src/scoring/clopper-pearson.js';
import { holmAdjust } from '../../src/scoring/holm.js';
import { midPMcNemar } from '../../src/scoring/mcnemar.js';
import { pairedDifferenceInterval, type PairedIntervalMethod } from '../../src/scoring/paired-interval.js';
import { createRandom } from '../../src/scoring/random.js';
import { wilsonInterval } from '../../src/scoring/wilson.js';

const counts = fc.integer({ min: 1, max: 2000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
const pairedCounts = fc
  .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 600 }))
  .filter(([b, c, rest]) => b + c + rest > 0)
  .map(([b, c, rest]) => ({ b, c, n: b + c + rest }));
const methods: PairedIntervalMethod[] = ['tango', 'agresti-min'];

function drawBinomial(random: () => number, n: number, p: number): number {
  let k = 0;
  for (let trial = 0; trial < n; trial += 1) if (random() < p) k += 1;
  return k;
}

describe('one-rate intervals', () => {
  it('stay in [0, 1] and contain the estimate', () => {
    fc.assert(
      fc.property(counts, ([k, n]) => {
        for (const { low, high } of [wilsonInterval(k, n), clopperPearson(k, n)]) {
          expect(low).toBeGreaterThanOrEqual(0);
          expect(high).toBeLessThanOrEqual(1);
          expect(low).toBeLessThanOrEqual(k / n + 1e-12);
          expect(high).toBeGreaterThanOrEqual(k / n - 1e-12);
        }
      }),
    );
  });

  it('are symmetric: swapping passes and fails mirrors the interval', () => {
    fc.assert(
      fc.property(counts, ([k, n]) => {
        const wilson = wilsonInterval(k, n);
        const mirrored = wilsonInterval(n - k, n);
        expect(wilson.low).toBeCloseTo(1 - mirrored.high, 12);
        const exact = clopperPearson(k, n);
        const exactMirrored = clopperPearson(n - k, n);
        expect(exact.low).toBeCloseTo(1 - exactMirrored.high, 9);
      }),
    );
  });

  it('move up with k and narrow with n', () => {
    fc.assert(
      fc.property(counts, ([k, n]) => {
        if (k < n) {
          expect(wilsonInterval(k + 1, n).low).toBeGreaterThan(wilsonInterval(k, n).low);
          expect(clopperPearson(k + 1, n).high).toBeGreaterThan(clopperPearson(k, n).high);
          expect(clopperPearsonUpper(k + 1, n)).toBeGreaterThan(clopperPearsonUpper(k, n));
        }
        const wide = wilsonInterval(k, n);
        const narrow = wilsonInterval(k * 4, n * 4);
        expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
      }),
    );
  });

  it('cover the true rate about 95% of the time (Wilson ≈ nominal, Clopper–Pearson at least nominal)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 0.9, noNaN: true }), fc.integer({ min: 30, max: 200 }), (p, n) => {
        const random = createRandom(`coverage:${p}:${n}`);
        const draws = 1500;
        let wilson = 0;
        let exact = 0;
        for (let draw = 0; draw < draws; draw += 1) {
          const k = drawBinomial(random, n, p);
          const w = wilsonInterval(k, n);
          const c = clopperPearson(k, n);
          if (w.low <= p && p <= w.high) wilson += 1;
          if (c.low <= p && p <= c.high) exact += 1;
        }
        expect(wilson / draws).toBeGreaterThan(0.9);
        expect(exact / draws).toBeGreaterThan(0.935);
      }),
      { numRuns: 12, seed: 42 },
    );
  });
});

describe('paired-difference intervals', () => {
  it('stay in [−1, 1], contain the difference and mirror when b and c swap', () => {
    fc.assert(
      fc.property(pairedCounts, fc.constantFrom(...methods), ({ b, c, n }, method) => {
        const interval = pairedDifferenceInterval({ b, c, n }, 0.025, method);
        expect(interval.low).toBeGreaterThanOrEqual(-1);
        expect(interval.high).toBeLessThanOrEqual(1);
        if (method === 'tango') {
          expect(interval.low).toBeLessThanOrEqual((c - b) / n + 1e-9);
          expect(interval.high).toBeGreaterThanOrEqual((c - b) / n - 1e-9);
        }
        const mirrored = pairedDifferenceInterval({ b: c, c: b, n }, 0.025, method);
        expect(interval.low).toBeCloseTo(-mirrored.high, 7);
      }),
    );
  });

  it('the lower bound rises when a discordant pair moves from b to c', () => {
    fc.assert(
      fc.property(pairedCounts, fc.constantFrom(...methods), ({ b, c, n }, method) => {
        fc.pre(b > 0);
        const before = pairedDifferenceInterval({ b, c, n }, 0.05, method).low;
        const after = pairedDifferenceInterval({ b: b - 1, c: c + 1, n }, 0.05, method).low;
        expect(after).toBeGreaterThan(before);
      }),
    );
  });

  it('covers the true difference about 95% of the time', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.15, noNaN: true }),
        fc.double({ min: 0.01, max: 0.15, noNaN: true }),
        fc.integer({ min: 60, max: 400 }),
        (pb, pc, n) => {
          const random = createRandom(`paired:${pb}:${pc}:${n}`);
          const draws = 800;
          const covered: Record<PairedIntervalMethod, number> = { tango: 0, 'agresti-min': 0 };
          for (let draw = 0; draw < draws; draw += 1) {
            let b = 0;
            let c = 0;
            for (let pair = 0; pair < n; pair += 1) {
              const u = random();
              if (u < pb) b += 1;
              else if (u < pb + pc) c += 1;
            }
            for (const method of methods) {
              const { low, high } = pairedDifferenceInterval({ b, c, n }, 0.025, method);
              if (low <= pc - pb && pc - pb <= high) covered[method] += 1;
            }
          }
          expect(covered.tango / draws).toBeGreaterThan(0.92);
          expect(covered['agresti-min'] / draws).toBeGreaterThan(0.92);
        },
      ),
      { numRuns: 8, seed: 7 },
    );
  });

  it('mid-p McNemar is symmetric in b and c, in (0, 1], and falls as the split grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (b, c) => {
        const p = midPMcNemar(b, c);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(midPMcNemar(c, b)).toBeCloseTo(p, 12);
        if (b > c) expect(midPMcNemar(b + 1, c)).toBeLessThanOrEqual(p + 1e-12);
      }),
    );
  });
});

describe('Holm', () => {
  it('never lowers a p-value, keeps the order and matches a hand-worked case', () => {
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), (pValues) => {
        const adjusted = holmAdjust(pValues);
        pValues.forEach((p, index) => {
          expect(adjusted[index]).toBeGreaterThanOrEqual(p);
          expect(adjusted[index]).toBeLessThanOrEqual(1);
          pValues.forEach((other, otherIndex) => {
            if (p < other) expect(adjusted[index]).toBeLessThanOrEqual(adjusted[otherIndex]!);
          });
        });
      }),
    );
  });
});
