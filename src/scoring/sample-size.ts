/** How many prompts a paired run needs, and the smallest difference it can see (STATS.md). */
import { zOneSided, zTwoSided } from './normal.js';

/**
 * Cases for non-inferiority at one-sided α when the two truly agree in quality:
 * n ≈ (z₁₋α + z_power)²·ψ/M² (6.18·ψ/M² at α = 0.05, 80% power). ψ is the share of prompts on
 * which the two disagree (b + c)/n, M the margin, both as rates.
 */
export function casesNeeded(psi: number, margin: number, power = 0.8, alpha = 0.05): number {
  assertRate('disagreement', psi);
  if (!(margin > 0 && margin < 1)) throw new RangeError(`margin must be in (0, 1), got ${margin}`);
  assertPower(power);
  const k = (zOneSided(1 - alpha) + zOneSided(power)) ** 2;
  return Math.ceil(k * psi / (margin * margin) - 1e-9);
}

/** MDE ≈ (z₁₋α/₂ + z_power)·sqrt(ψ/n): 2.80·sqrt(ψ/n) at two-sided α = 0.05 and 80% power. */
export function minimumDetectableDifference(psi: number, n: number, power = 0.8, alpha = 0.05): number {
  assertRate('disagreement', psi);
  if (!(n > 0)) return Number.POSITIVE_INFINITY;
  assertPower(power);
  return (zTwoSided(1 - alpha) + zOneSided(power)) * Math.sqrt(psi / n);
}

/**
 * Cases that would settle a non-inferiority question left open, from what the run observed: the
 * distance between the observed difference (taken as 0 when the candidate looked better, so the
 * figure never promises more than the equal-quality case) and −M, at the observed disagreement
 * rate. Null when the estimate sits on the margin itself (no finite n settles it).
 */
export function casesToSettle(b: number, c: number, n: number, margin: number, power = 0.8, alpha = 0.05): number | null {
  if (!(n > 0)) return null;
  const psi = Math.max(b + c, 1) / n;
  const distance = Math.abs(margin + Math.min((c - b) / n, 0));
  if (distance < 1e-6) return null;
  const k = (zOneSided(1 - alpha) + zOneSided(power)) ** 2;
  return Math.ceil((k * Math.min(psi, 1)) / (distance * distance));
}

function assertRate(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be a rate in [0, 1], got ${value}`);
}

function assertPower(power: number): void {
  if (!(power > 0 && power < 1)) throw new RangeError(`power must be in (0, 1), got ${power}`);
}
