import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/scoring/normal.js';
import { inverseRegularizedIncompleteBeta, logGamma, regularizedIncompleteBeta } from '../../src/scoring/special-functions.js';
import { clopperPearson } from '../../src/scoring/clopper-pearson.js';

function binomialUpperTail(k: number, n: number, p: number): number {
  let sum = 0;
  for (let j = k; j <= n; j += 1) sum += Math.exp(logGamma(n + 1) - logGamma(j + 1) - logGamma(n - j + 1) + j * Math.log(p) + (n - j) * Math.log1p(-p));
  return sum;
}

describe('special functions', () => {
  it('log-gamma matches log factorials and Γ(½) = √π', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 170; n += 1) {
      logFactorial += Math.log(n);
      expect(logGamma(n + 1)).toBeCloseTo(logFactorial, 8);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it('incomplete beta matches closed forms', () => {
    for (const x of [0.01, 0.2, 0.5, 0.77, 0.999]) {
      expect(regularizedIncompleteBeta(x, 1, 1)).toBeCloseTo(x, 12);
      expect(regularizedIncompleteBeta(x, 3, 1)).toBeCloseTo(x ** 3, 12);
      expect(regularizedIncompleteBeta(x, 1, 4)).toBeCloseTo(1 - (1 - x) ** 4, 12);
      expect(regularizedIncompleteBeta(x, 2.5, 7) + regularizedIncompleteBeta(1 - x, 7, 2.5)).toBeCloseTo(1, 12);
    }
  });

  it('incomplete beta equals the exact binomial tail: P(X ≥ k) = I_p(k, n − k + 1)', () => {
    for (const [k, n, p] of [[3, 10, 0.2], [45, 50, 0.9], [1, 400, 0.001], [200, 400, 0.5], [399, 400, 0.99]] as const) {
      expect(regularizedIncompleteBeta(p, k, n - k + 1)).toBeCloseTo(binomialUpperTail(k, n, p), 10);
    }
  });

  it('the inverse round-trips', () => {
    for (const [p, a, b] of [[0.025, 45, 6], [0.975, 46, 5], [0.5, 0.5, 0.5], [1e-6, 2, 300], [0.95, 1, 299]] as const) {
      const x = inverseRegularizedIncompleteBeta(p, a, b);
      expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(p, 10);
    }
  });

  it('Clopper–Pearson matches published values (45/50: 0.7819–0.9667) and the k = 0 closed form', () => {
    const { low, high } = clopperPearson(45, 50);
    expect(low).toBeCloseTo(0.7819, 4);
    expect(high).toBeCloseTo(0.9667, 4);
    expect(clopperPearson(0, 10).high).toBeCloseTo(1 - 0.025 ** (1 / 10), 10);
    expect(clopperPearson(10, 10).low).toBeCloseTo(0.025 ** (1 / 10), 10);
  });

  it('normal quantile and CDF agree with known values and with each other', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 12);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 14);
    for (const p of [1e-12, 1e-5, 0.01, 0.3, 0.5, 0.9, 0.99999]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 9);
  });
});
