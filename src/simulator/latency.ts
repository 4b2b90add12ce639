/**
 * Latency model: a log-normal fitted to the profile's p50/p95 (median = p50, and
 * sigma = ln(p95/p50)/1.645 so that the 95th percentile lands on p95).
 */
import type { Random } from './random.js';

export interface Percentiles {
  p50: number;
  p95: number;
}

const Z95 = 1.6448536269514722;

export function drawLogNormal(random: Random, percentiles: Percentiles): number {
  if (percentiles.p50 <= 0) return 0;
  const sigma = percentiles.p95 > percentiles.p50 ? Math.log(percentiles.p95 / percentiles.p50) / Z95 : 0;
  return percentiles.p50 * Math.exp(sigma * random.normal());
}

export interface Timing {
  /** Milliseconds until the first token (streaming) or the whole answer is ready. */
  ttftMs: number;
  /** Milliseconds until the last token. */
  totalMs: number;
}

/** Draws total latency and time to first token; TTFT never exceeds the total. */
export function drawTiming(random: Random, latency: Percentiles, ttft: Percentiles | undefined, scale: number): Timing {
  const total = drawLogNormal(random, latency) * scale;
  // Without a TTFT profile, the first token comes after about a third of the total, as for short answers.
  const first = ttft ? drawLogNormal(random, ttft) * scale : total * (0.25 + 0.15 * random.next());
  return { ttftMs: Math.min(first, total), totalMs: total };
}
