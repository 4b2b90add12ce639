/**
 * How many sampled cases came from native (Anthropic, Gemini, Responses API) bodies, and which
 * fields those conversions dropped, counted per name: for the sample summary and its sidecar.
 * Counted over the sampled cases, the records the sampler keeps (the others are never fully read).
 */
import type { LogRecord } from './types.js';

export interface ConversionCounts {
  /** Sampled cases converted from each dialect. */
  converted: Record<string, number>;
  /** Sampled cases in which each field was dropped. */
  dropped: Record<string, number>;
}

export function countConversions(records: Iterable<LogRecord>): ConversionCounts {
  const counts: ConversionCounts = { converted: {}, dropped: {} };
  for (const { conversion } of records) {
    if (!conversion) continue;
    counts.converted[conversion.from] = (counts.converted[conversion.from] ?? 0) + 1;
    for (const name of conversion.dropped) counts.dropped[name] = (counts.dropped[name] ?? 0) + 1;
  }
  return counts;
}

/** One line for the command summary: `converted 12 anthropic-messages, 3 gemini; dropped thinking ×4, top_k ×2`. */
export function describeConversions(counts: ConversionCounts): string | undefined {
  const converted = Object.entries(counts.converted).sort(([a], [b]) => a.localeCompare(b));
  if (converted.length === 0) return undefined;
  const dropped = Object.entries(counts.dropped).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const droppedText = dropped.length === 0 ? 'nothing dropped' : `dropped ${dropped.map(([name, count]) => `${name} ×${count}`).join(', ')}`;
  return `converted ${converted.map(([dialect, count]) => `${count} ${dialect}`).join(', ')} to canonical requests; ${droppedText}`;
}
