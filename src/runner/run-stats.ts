/** Counters of a run, and the progress snapshot built from them. */
import type { ErrorKind } from '../core/errors.js';
import type { Lane } from './lanes.js';
import type { RunProgress, StoppedReason } from './types.js';

export interface RunStats {
  startedAt: number;
  total?: number;
  written: number;
  skipped: number;
  calls: number;
  cacheHits: number;
  inFlight: number;
  inFlightWorstUsd: number;
  /** Attempts being validated, written or cached. */
  finishing: number;
  spentUsd: number;
  unfinished: number;
  errorsByKind: Partial<Record<ErrorKind, number>>;
  retriesByKind: Partial<Record<ErrorKind, number>>;
  stopping?: StoppedReason;
}

export function createRunStats(now: number, total: number | undefined): RunStats {
  return {
    startedAt: now,
    ...(total !== undefined ? { total } : {}),
    written: 0,
    skipped: 0,
    calls: 0,
    cacheHits: 0,
    inFlight: 0,
    inFlightWorstUsd: 0,
    finishing: 0,
    spentUsd: 0,
    unfinished: 0,
    errorsByKind: {},
    retriesByKind: {},
  };
}

export function snapshotProgress(stats: RunStats, now: number, lanes: readonly Lane[]): RunProgress {
  const progress: RunProgress = {
    done: stats.written,
    skipped: stats.skipped,
    calls: stats.calls,
    cacheHits: stats.cacheHits,
    inFlight: stats.inFlight,
    errorsByKind: stats.errorsByKind,
    retriesByKind: stats.retriesByKind,
    spentUsd: stats.spentUsd,
    elapsedMs: now - stats.startedAt,
    endpoints: collectEndpoints(lanes),
  };
  if (stats.total !== undefined) progress.total = stats.total;
  if (stats.stopping) progress.stopping = stats.stopping;
  return progress;
}

function collectEndpoints(lanes: readonly Lane[]): RunProgress['endpoints'] {
  const seen = new Map<string, { limit: number; max: number; inFlight: number }>();
  for (const lane of lanes) {
    const endpoint = lane.endpoint;
    if (!seen.has(endpoint.key)) seen.set(endpoint.key, { limit: endpoint.limit, max: endpoint.max, inFlight: endpoint.inFlight });
  }
  return Object.fromEntries(seen);
}
