/** Every worked number in STATS.md, reproduced. */
import { describe, expect, it } from 'vitest';
import { betaFactorAvailability, correlatedAvailability, independentAvailability } from '../../src/scoring/chain-availability.js';
import { clopperPearsonUpper } from '../../src/scoring/clopper-pearson.js';
import { midPMcNemar } from '../../src/scoring/mcnemar.js';
import { zOneSided } from '../../src/scoring/normal.js';
import { agrestiMinInterval, pairedDifferenceInterval } from '../../src/scoring/paired-interval.js';
import { casesNeeded, minimumDetectableDifference } from '../../src/scoring/sample-size.js';
import { wilsonInterval } from '../../src/scoring/wilson.js';

describe('STATS.md worked numbers', () => {
  it('Wilson: 45/50 → [0.786, 0.957]', () => {
    const { low, high } = wilsonInterval(45, 50);
    expect(low).toBeCloseTo(0.786, 3);
    expect(high).toBeCloseTo(0.957, 3);
  });

  it('Clopper–Pearson: 0 failures in n gives a 95% upper bound of about 3/n; < 1% needs about 300 clean cases', () => {
    for (const n of [100, 300, 1000]) expect(clopperPearsonUpper(0, n) * n).toBeCloseTo(3, 0);
    expect(clopperPearsonUpper(0, 300)).toBeLessThan(0.01);
    expect(clopperPearsonUpper(0, 250)).toBeGreaterThan(0.01);
    // Exact: 1 − α^(1/n).
    expect(clopperPearsonUpper(0, 300)).toBeCloseTo(1 - 0.05 ** (1 / 300), 12);
  });

  it('paired: n = 400, b = 20, c = 12 → Δ̃ ≈ −2.0 points, one-sided lower ≈ −4.3 points, mid-p ≈ 0.16', () => {
    const agrestiMin = agrestiMinInterval({ b: 20, c: 12, n: 400 }, zOneSided(0.95));
    expect(agrestiMin.estimate * 100).toBeCloseTo(-2.0, 1);
    expect(agrestiMin.low * 100).toBeCloseTo(-4.3, 1);
    expect(midPMcNemar(20, 12)).toBeCloseTo(0.16, 2);
    // The documented fallback is what pairedDifferenceInterval returns when asked for it.
    expect(pairedDifferenceInterval({ b: 20, c: 12, n: 400 }, 0.05, 'agresti-min').low * 100).toBeCloseTo(-4.3, 1);
    // Tango's score interval agrees to a few tenths of a point here.
    expect(pairedDifferenceInterval({ b: 20, c: 12, n: 400 }, 0.05, 'tango').low * 100).toBeCloseTo(-4.5, 1);
  });

  it('non-inferiority sample size: n ≈ 6.18·ψ/M²', () => {
    expect((zOneSided(0.95) + zOneSided(0.8)) ** 2).toBeCloseTo(6.18, 2);
    const within = (value: number, target: number) => expect(Math.abs(value - target) / target).toBeLessThan(0.01);
    within(casesNeeded(0.1, 0.03), 690);
    within(casesNeeded(0.05, 0.03), 345);
    within(casesNeeded(0.1, 0.05), 250);
  });

  it('MDE ≈ 2.80·sqrt(ψ/n): ψ = 0.10 → 6.3 points at n = 200, 2.8 points at n = 1,000', () => {
    expect(minimumDetectableDifference(0.1, 200) * 100).toBeCloseTo(6.3, 1);
    expect(minimumDetectableDifference(0.1, 1000) * 100).toBeCloseTo(2.8, 1);
  });

  it('beta factor: u = 0.5%, β = 0.1 → 99.948% instead of 99.9975% (21× the downtime)', () => {
    const independent = independentAvailability([0.995, 0.995]);
    const correlated = betaFactorAvailability(0.005, 0.1);
    expect(independent * 100).toBeCloseTo(99.9975, 4);
    expect(correlated * 100).toBeCloseTo(99.948, 3);
    expect(Math.round((1 - correlated) / (1 - independent))).toBe(21);
    // The exact enumeration used for chains agrees with the two-member approximation.
    const exact = correlatedAvailability([0.995, 0.995], [{ members: [0, 1], tag: 'cloud', value: 'gcp', beta: 0.1 }]);
    expect(exact * 100).toBeCloseTo(99.948, 3);
    expect(Math.abs(exact - correlated)).toBeLessThan(1e-7);
  });
});
