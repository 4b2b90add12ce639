/** Number formatting shared by the reporters, so every report prints a figure the same way. */
import type { Interval, RateEstimate } from '../scoring/types.js';

export function formatPercent(rate: number | undefined, digits = 1): string {
  if (rate === undefined || !Number.isFinite(rate)) return '–';
  return `${(rate * 100).toFixed(digits)}%`;
}

export function formatInterval(interval: Interval | undefined, digits = 1): string {
  if (!interval) return '';
  return `${(interval.low * 100).toFixed(digits)}–${(interval.high * 100).toFixed(digits)}%`;
}

/** `91.0% (86.2–94.3%, 182/200)` */
export function formatRate(estimate: RateEstimate | undefined): string {
  if (!estimate) return '–';
  return `${formatPercent(estimate.rate)} (${formatInterval(estimate.interval)}, ${estimate.k}/${estimate.n})`;
}

export function formatMs(ms: number | undefined | null): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms)} ms`;
}

export function formatUsd(usd: number | undefined | null): string {
  if (usd === undefined || usd === null || !Number.isFinite(usd)) return '–';
  if (usd === 0) return '$0';
  if (usd < 0.01) return `$${usd.toPrecision(2)}`;
  return `$${usd.toFixed(2)}`;
}

/** One line, at most `max` characters, with an ellipsis when cut. */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
