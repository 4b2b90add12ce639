/** The runner's public API. */
export { executeRun } from './execute-run.js';
export type { AttemptSink, ExecuteRunOptions, RunCandidate, RunClock, RunOutcome, RunProgress, StoppedReason } from './types.js';
export { estimateRunCost, computeCostUsd, computeWorstCaseCostUsd, type EstimateRunCostOptions, type RunCostEstimate } from './budget.js';
export { createDiskCache, computeCacheKey, type AttemptCache, type CachedOutcome } from './attempt-cache.js';
export { selectShard, parseShardSpec, filterShard, type ShardSpec } from './shard.js';
export { loadTokenCounter, countRequestTokens, createCaseTokenEstimator, type CountTokens } from './estimate-tokens.js';
export { toEndpointKey } from './endpoint-key.js';
export { computeRetryDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
export { SYSTEM_CLOCK } from './clock.js';
export { createProgressReporter, formatProgressLine, formatDuration, type ProgressMode, type ProgressReporter, type ProgressReporterOptions } from './progress-reporter.js';
