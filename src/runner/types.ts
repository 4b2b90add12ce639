/**
 * The runner's public shapes: what `executeRun` takes and returns. Time, sleeping and randomness
 * are parameters so tests can drive every scheduling decision with a virtual clock.
 */
import type { CandidateConfig, Price } from '../config/suite-schema.js';
import type { ErrorKind } from '../core/errors.js';
import type { Attempt, Case } from '../core/types.js';
import type { ModelClient } from '../providers/types.js';
import type { Validator } from '../validators/types.js';
import type { AttemptCache } from './attempt-cache.js';

export interface RunCandidate {
  config: CandidateConfig;
  client: ModelClient;
  /** Price used for the budget guard when the suite gives none (e.g. the bundled price table). */
  price?: Price;
}

/** Where finished attempts go: the attempt log, appended and flushed as each attempt ends. */
export interface AttemptSink {
  append(attempt: Attempt): Promise<void>;
}

export interface RunClock {
  /** Milliseconds, monotonic enough for intervals. */
  now(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1): jitter only. */
  random(): number;
}

export interface RunProgress {
  /** Attempts written (including cache hits). */
  done: number;
  /** Attempts this run is expected to write, when the caller knows it. */
  total?: number;
  /** Attempts skipped because a resumed run already had them. */
  skipped: number;
  /** Model calls made (each try counts). */
  calls: number;
  cacheHits: number;
  inFlight: number;
  /** Final attempt errors by kind, and failed tries (retried) by kind. */
  errorsByKind: Partial<Record<ErrorKind, number>>;
  retriesByKind: Partial<Record<ErrorKind, number>>;
  spentUsd: number;
  elapsedMs: number;
  /** Adaptive concurrency per endpoint: current limit, configured max, calls in flight. */
  endpoints: Record<string, { limit: number; max: number; inFlight: number }>;
  stopping?: StoppedReason;
}

export type StoppedReason = 'interrupted' | 'budget';

export interface ExecuteRunOptions {
  /** Streamed; the runner pulls a bounded window of cases at a time. */
  cases: AsyncIterable<Case> | Iterable<Case>;
  candidates: RunCandidate[];
  /** Repeats per (case, candidate); repeat indices are 0-based. */
  repeat?: number;
  /** Global limit on calls in flight. */
  concurrency?: number;
  /** Limit per endpoint (provider + base URL + key variable), by endpoint key; default `concurrency`. */
  endpointConcurrency?: number | Record<string, number>;
  /** Retries after the first try, for retryable kinds only. */
  retries?: number;
  timeoutMs?: number;
  ttftTimeoutMs?: number;
  stream?: boolean;
  budgetUsd?: number;
  validators?: Validator[];
  sink: AttemptSink;
  /** Resume: attempts the run directory already holds are not run again. */
  isDone?(caseId: string, candidateId: string, repeat: number): boolean;
  cache?: AttemptCache;
  /** Mixed into every cache key: what else decides the answers, e.g. the simulator's seed. */
  cacheSalt?: string;
  /** Interrupt: stop scheduling, let in-flight attempts finish for `drainMs`, then abort them. */
  signal?: AbortSignal;
  /** How long in-flight attempts may run after an interrupt before they are aborted (default 10 s). */
  drainMs?: number;
  clock?: Partial<RunClock>;
  onProgress?(progress: RunProgress): void;
  /** Expected attempt count, for progress (done/total, ETA). */
  totalAttempts?: number;
  /** Retry backoff: base and cap in ms (defaults 500 and 30 000); retry-after is honoured up to `maxRetryAfterMs`. */
  backoff?: { baseMs?: number; capMs?: number; maxRetryAfterMs?: number };
  /** Cases held in memory ahead of the slowest candidate (default: 4 × concurrency, at least 64). */
  lookaheadCases?: number;
  /** Output tokens assumed for the budget's worst case when a request sets no max_tokens (default 4096). */
  defaultMaxOutputTokens?: number;
  /** Input tokens of a request, before the call (tpm buckets, budget). Default: the o200k tokenizer, loaded only when a tpm limit or a budget needs it. */
  estimateTokens?(testCase: Case): number;
}

export interface RunOutcome {
  attemptsWritten: number;
  /** Attempts skipped because `isDone` said the run directory already had them. */
  skipped: number;
  calls: number;
  cacheHits: number;
  spentUsd: number;
  stoppedReason?: StoppedReason;
  /**
   * Attempts started or queued but not written because the run stopped (aborted in flight, or
   * waiting for a retry): a resume runs them whole.
   */
  unfinished: number;
}
