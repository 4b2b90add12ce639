/**
 * How long a provider asked us to wait, from its headers: `retry-after-ms`, `retry-after`
 * (seconds or an HTTP date), OpenAI-style `x-ratelimit-reset-*` durations (`6m0s`, `20ms`) for an
 * exhausted window, and Anthropic's RFC 3339 `anthropic-ratelimit-*-reset` times.
 */

export function parseRetryAfterMs(headers: Record<string, string>, now: number): number | undefined {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && isFiniteNumber(ms)) return Math.max(0, Number(ms));
  const after = headers['retry-after'];
  if (after !== undefined) {
    if (isFiniteNumber(after)) return Math.max(0, Number(after) * 1000);
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return parseExhaustedWindowResetMs(headers, now);
}

/** The reset of a window whose remaining count is 0 (the one that refused us). */
function parseExhaustedWindowResetMs(headers: Record<string, string>, now: number): number | undefined {
  const waits: number[] = [];
  for (const window of ['requests', 'tokens']) {
    if (headers[`x-ratelimit-remaining-${window}`] === '0') {
      const reset = parseDurationMs(headers[`x-ratelimit-reset-${window}`]);
      if (reset !== undefined) waits.push(reset);
    }
  }
  for (const window of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
    if (headers[`anthropic-ratelimit-${window}-remaining`] === '0') {
      const reset = parseResetTimeMs(headers[`anthropic-ratelimit-${window}-reset`], now);
      if (reset !== undefined) waits.push(reset);
    }
  }
  return waits.length > 0 ? Math.max(...waits) : undefined;
}

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** Go-style durations (`6m0s`, `1h2m3.5s`, `20ms`, `0.5s`), or a bare number of seconds. */
export function parseDurationMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (isFiniteNumber(text)) return Number(text) * 1000;
  let total = 0;
  let consumed = 0;
  for (const match of text.matchAll(DURATION_PART)) {
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    consumed += match[0].length;
  }
  return consumed === text.length && consumed > 0 ? Math.round(total) : undefined;
}

/** An absolute reset time (RFC 3339) → milliseconds from `now`. */
export function parseResetTimeMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : Math.max(0, time - now);
}

function isFiniteNumber(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}
