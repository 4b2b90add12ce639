/**
 * The run loop: pull a bounded window of cases, turn each into one job per (candidate, repeat),
 * and start tries while the global limit, the lane's endpoint limit, its rpm/tpm buckets and the
 * budget allow. A try that fails with a retryable kind goes back to its lane with a backoff and
 * frees its slot meanwhile. Attempts are validated and appended to the sink as they end.
 */
import { setMaxListeners } from 'node:events';
import { toAttemptError, type Attempt, type Case } from '../core/types.js';
import { computeCacheKey, fromCachedOutcome, isCacheableOutcome, toCachedOutcome } from './attempt-cache.js';
import { computeRetryDelayMs, DEFAULT_BACKOFF } from './backoff.js';
import { computeWorstCaseCostUsd, resolveMaxOutputTokens } from './budget.js';
import { toErrorAttempt, toSuccessAttempt, validateAttempt, type AttemptIdentity } from './build-attempt.js';
import { CANCELLED, resolveClock } from './clock.js';
import { createCaseTokenEstimator, loadTokenCounter } from './estimate-tokens.js';
import { chargeBuckets, countFullestLane, createLanes, hasQueuedJobs, pickRunnableJob, settleBuckets, type Job } from './lanes.js';
import { performTry, type TryOutcome } from './perform-try.js';
import { createRunStats, snapshotProgress, type RunStats } from './run-stats.js';
import type { ExecuteRunOptions, RunOutcome } from './types.js';

export async function executeRun(options: ExecuteRunOptions): Promise<RunOutcome> {
  const clock = resolveClock(options.clock);
  const repeat = options.repeat ?? 1;
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const retries = options.retries ?? 2;
  const validators = options.validators ?? [];
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  // Token counts feed only the tpm buckets and the budget guard: without either, skip the tokenizer
  // (its tables cost ~60 MB and its counting ~0.1 ms a case).
  const needsTokens = options.budgetUsd !== undefined || options.candidates.some((candidate) => candidate.config.tpm !== undefined);
  const estimateTokens = options.estimateTokens ?? (needsTokens ? createCaseTokenEstimator(await loadTokenCounter()) : () => 0);
  // Enough queued work to refill every slot several times over. A case held longer than a few
  // young-generation GCs is promoted and dies in old space: a deeper window only inflates the heap
  // that major GCs let grow (256 cases cost ~10% of the peak RSS of a 100,000-case run).
  const windowJobs = Math.max(1, options.lookaheadCases ?? Math.max(64, concurrency * 4)) * repeat;
  const fallbackMaxOutput = options.defaultMaxOutputTokens ?? 4096;
  const maxFinishing = Math.max(64, concurrency * 4);
  const lanes = createLanes(options, concurrency, clock.now());
  const stats: RunStats = createRunStats(clock.now(), options.totalAttempts);
  const interrupt = new AbortController();
  // Every call in flight listens to it; the default cap of 10 listeners is a leak heuristic, not a limit.
  setMaxListeners(0, interrupt.signal);
  const pending = new Set<Promise<void>>();
  let fatal: { error: unknown } | undefined;
  let wake: (() => void) | undefined;

  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const reportProgress = () => options.onProgress?.(snapshotProgress(stats, clock.now(), lanes));
  const onSignal = () => {
    stats.stopping ??= 'interrupted';
    notify();
  };
  if (options.signal?.aborted) onSignal();
  options.signal?.addEventListener('abort', onSignal, { once: true });

  const track = (work: Promise<void>) => {
    const tracked: Promise<void> = work
      .catch((error: unknown) => {
        fatal ??= { error };
        notify();
      })
      .finally(() => {
        pending.delete(tracked);
        notify();
      });
    pending.add(tracked);
  };

  const finishAttempt = async (attempt: Attempt, testCase: Case, cacheKey: string | undefined) => {
    stats.finishing += 1;
    try {
      await validateAttempt(attempt, testCase, validators);
      await options.sink.append(attempt);
      if (options.cache && cacheKey && !attempt.cached) {
        const outcome = toCachedOutcome(attempt);
        if (isCacheableOutcome(outcome)) await options.cache.set(cacheKey, outcome);
      }
    } finally {
      stats.finishing -= 1;
    }
    stats.written += 1;
    if (attempt.status === 'error' && attempt.error) stats.errorsByKind[attempt.error.kind] = (stats.errorsByKind[attempt.error.kind] ?? 0) + 1;
    reportProgress();
  };

  const enqueueCase = async (testCase: Case) => {
    const inputTokens = estimateTokens(testCase);
    for (const lane of lanes) {
      const maxOutput = resolveMaxOutputTokens(testCase, lane.candidate.config, fallbackMaxOutput);
      const worstCaseUsd = computeWorstCaseCostUsd(lane.candidate.config.price ?? lane.candidate.price, inputTokens, maxOutput);
      for (let index = 0; index < repeat; index += 1) {
        if (options.isDone?.(testCase.id, lane.id, index)) {
          stats.skipped += 1;
          continue;
        }
        const job: Job = { testCase, lane, repeat: index, tryIndex: 0, retryRecords: [], notBefore: 0, inputTokens, worstCaseUsd };
        if (options.cache) {
          job.cacheKey = computeCacheKey(lane.candidate.client, testCase, index, lane.stream, options.cacheSalt);
          const hit = await options.cache.get(job.cacheKey);
          if (hit) {
            stats.cacheHits += 1;
            // Cache hits finish without a call: wait for the log when it falls behind.
            while (stats.finishing >= maxFinishing && !fatal) await waitForWake(Number.POSITIVE_INFINITY);
            track(finishAttempt(fromCachedOutcome(hit, testCase.id, lane.id, index), testCase, job.cacheKey));
            continue;
          }
        }
        lane.fresh.push(job);
      }
    }
  };

  const startTry = (job: Job, now: number) => {
    const lane = job.lane;
    lane.inFlight += 1;
    const callNumber = lane.endpoint.acquire(now);
    stats.inFlight += 1;
    stats.calls += 1;
    stats.inFlightWorstUsd += job.worstCaseUsd;
    const charged = chargeBuckets(lane, job, now);
    job.startedAtIso ??= new Date().toISOString();
    const attempt = performTry({
      client: lane.candidate.client,
      request: job.testCase.request,
      stream: lane.stream,
      timeoutMs: lane.timeoutMs,
      ttftTimeoutMs: lane.ttftTimeoutMs,
      simulationKey: `${job.testCase.id}/${job.repeat}/${job.tryIndex}`,
      abortSignal: interrupt.signal,
      clock,
    });
    track(attempt.then((outcome) => endTry(job, outcome, now, charged, callNumber)));
  };

  const endTry = async (job: Job, outcome: TryOutcome, startedAt: number, charged: number, callNumber: number) => {
    const lane = job.lane;
    lane.inFlight -= 1;
    lane.endpoint.release();
    stats.inFlight -= 1;
    stats.inFlightWorstUsd -= job.worstCaseUsd;
    // Start the next call now, not after this answer is validated and written: at a few hundred
    // answers a second that processing would otherwise add to every slot's turnaround.
    notify();
    const now = clock.now();
    if (outcome.type === 'aborted') {
      stats.unfinished += 1;
      return;
    }
    const identity: AttemptIdentity = {
      testCase: job.testCase,
      candidateId: lane.id,
      repeat: job.repeat,
      retryRecords: job.retryRecords,
      startedAtIso: job.startedAtIso ?? '',
    };
    if (outcome.type === 'ok') {
      const { result } = outcome;
      lane.endpoint.recordSuccess();
      lane.endpoint.recordSnapshot(now, result.rateLimit, startedAt, callNumber);
      settleBuckets(lane, charged, result.response.usage);
      stats.spentUsd += result.costUsd;
      await finishAttempt(toSuccessAttempt(identity, result), job.testCase, job.cacheKey);
      return;
    }
    const info = outcome.error.info;
    lane.tpm?.correct(charged);
    const retryAfterMs = info.retryAfterMs !== undefined ? Math.min(info.retryAfterMs, backoff.maxRetryAfterMs) : undefined;
    if (info.kind === 'rate_limited') lane.endpoint.recordRateLimited(now, startedAt, retryAfterMs);
    lane.endpoint.recordSnapshot(now, undefined);
    if (info.retryable && job.tryIndex < retries) {
      if (stats.stopping) {
        // Its retry will not be scheduled: leave it unwritten so a resume runs it whole.
        stats.unfinished += 1;
        return;
      }
      const waitMs = computeRetryDelayMs(job.tryIndex, backoff, clock.random, retryAfterMs);
      job.retryRecords.push({ error: toAttemptError(info), waited_ms: waitMs });
      stats.retriesByKind[info.kind] = (stats.retriesByKind[info.kind] ?? 0) + 1;
      job.tryIndex += 1;
      job.notBefore = now + waitMs;
      lane.retrying.push(job);
      return;
    }
    await finishAttempt(toErrorAttempt(identity, outcome.error, outcome.latencyMs), job.testCase, job.cacheKey);
  };

  const waitForWake = async (waitMs: number) => {
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    if (!Number.isFinite(waitMs)) return woken;
    const sleeping = new AbortController();
    await Promise.race([woken, clock.sleep(Math.max(0, waitMs), sleeping.signal)]);
    sleeping.abort(CANCELLED);
    wake = undefined;
  };

  const iterator = toAsyncIterator(options.cases);
  let exhausted = false;
  let roundRobin = 0;
  while (!fatal && !stats.stopping) {
    if (!exhausted && countFullestLane(lanes) < windowJobs) {
      try {
        const next = await iterator.next();
        if (next.done) exhausted = true;
        else await enqueueCase(next.value);
      } catch (error) {
        // A bad dataset line mid-stream: stop, abort the calls in flight, then report it.
        fatal ??= { error };
      }
      continue;
    }
    let waitMs = Number.POSITIVE_INFINITY;
    // Backpressure: answers waiting for validation or the log hold memory, so calls wait for them.
    if (stats.inFlight < concurrency && stats.finishing < maxFinishing) {
      const now = clock.now();
      const pick = pickRunnableJob(lanes, roundRobin, now);
      if (pick.job) {
        const job = pick.job;
        if (options.budgetUsd !== undefined && stats.spentUsd + stats.inFlightWorstUsd + job.worstCaseUsd > options.budgetUsd) {
          stats.stopping = 'budget';
          job.lane.retrying.push(job);
          break;
        }
        roundRobin = (job.lane.index + 1) % lanes.length;
        startTry(job, now);
        continue;
      }
      waitMs = pick.waitMs;
    }
    if (exhausted && stats.inFlight === 0 && !hasQueuedJobs(lanes)) break;
    await waitForWake(waitMs);
  }
  reportProgress();

  if (stats.stopping === 'interrupted' && stats.inFlight > 0) {
    const drained = Promise.all([...pending]).then(() => undefined);
    const giveUp = new AbortController();
    await Promise.race([drained, clock.sleep(options.drainMs ?? 10_000, giveUp.signal)]);
    giveUp.abort(CANCELLED);
  }
  if (fatal || stats.stopping === 'interrupted') interrupt.abort(new Error('chainproof: run interrupted'));
  while (pending.size > 0) await Promise.all([...pending]);
  options.signal?.removeEventListener('abort', onSignal);
  await iterator.return?.();
  if (fatal) throw fatal.error;
  for (const lane of lanes) {
    stats.unfinished += lane.retrying.length + lane.fresh.length;
    lane.fresh.clear();
    lane.retrying = [];
  }
  reportProgress();
  return {
    attemptsWritten: stats.written,
    skipped: stats.skipped,
    calls: stats.calls,
    cacheHits: stats.cacheHits,
    spentUsd: stats.spentUsd,
    unfinished: stats.unfinished,
    ...(stats.stopping ? { stoppedReason: stats.stopping } : {}),
  };
}

function toAsyncIterator<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  const inner = source[Symbol.iterator]();
  return {
    next: async () => inner.next(),
    return: async () => inner.return?.() ?? { done: true, value: undefined },
  };
}
