/**
 * One lane per candidate: its queue of attempts, its limits, and the endpoint it shares with other
 * candidates of the same provider account. The dispatcher picks lanes round-robin and skips a lane
 * that cannot start now, so a slow or throttled provider never holds the others back.
 */
import type { Case, RetryRecord } from '../core/types.js';
import { AdaptiveLimit } from './adaptive-limit.js';
import { toEndpointKey } from './endpoint-key.js';
import { TokenBucket } from './token-bucket.js';
import type { ExecuteRunOptions, RunCandidate } from './types.js';

export interface Job {
  testCase: Case;
  lane: Lane;
  repeat: number;
  /** 0 for the first try. */
  tryIndex: number;
  retryRecords: RetryRecord[];
  /** Earliest time the next try may start (backoff). */
  notBefore: number;
  inputTokens: number;
  worstCaseUsd: number;
  cacheKey?: string;
  startedAtIso?: string;
}

export interface Lane {
  index: number;
  id: string;
  candidate: RunCandidate;
  endpoint: AdaptiveLimit;
  /** The candidate's own cap (`max_concurrency`), below the endpoint's. */
  maxConcurrency: number;
  inFlight: number;
  fresh: JobQueue;
  /** Attempts waiting out a backoff; few at a time, scanned linearly. */
  retrying: Job[];
  rpm?: TokenBucket;
  tpm?: TokenBucket;
  /** Running mean of output tokens, for the tpm estimate before a call. */
  meanOutputTokens: number;
  outputSamples: number;
  stream?: boolean;
  timeoutMs?: number;
  ttftTimeoutMs?: number;
}

/** FIFO with O(1) shift; compacts itself so a long run does not keep dead slots. */
export class JobQueue {
  private items: Job[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(job: Job): void {
    this.items.push(job);
  }

  peek(): Job | undefined {
    return this.items[this.head];
  }

  shift(): Job | undefined {
    const job = this.items[this.head];
    if (job === undefined) return undefined;
    this.items[this.head] = undefined as unknown as Job;
    this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return job;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

export interface Pick {
  job?: Job;
  /** When nothing can start: ms until a timing constraint lifts (Infinity = wait for a call to end). */
  waitMs: number;
}

function estimateTpmTokens(lane: Lane, job: Job): number {
  return job.inputTokens + lane.meanOutputTokens;
}

/** Takes the next job that may start now, round-robin from `start`. Does not acquire anything. */
export function pickRunnableJob(lanes: readonly Lane[], start: number, now: number): Pick {
  let waitMs = Number.POSITIVE_INFINITY;
  for (let offset = 0; offset < lanes.length; offset += 1) {
    const lane = lanes[(start + offset) % lanes.length]!;
    if (lane.inFlight >= lane.maxConcurrency) continue;
    if (!lane.endpoint.canStart(now)) {
      const blocked = lane.endpoint.waitMs(now);
      if (blocked > 0 && (lane.fresh.length > 0 || lane.retrying.length > 0)) waitMs = Math.min(waitMs, blocked);
      continue;
    }
    let retryIndex = -1;
    for (let i = 0; i < lane.retrying.length; i += 1) {
      const notBefore = lane.retrying[i]!.notBefore;
      if (notBefore <= now) {
        retryIndex = i;
        break;
      }
      waitMs = Math.min(waitMs, notBefore - now);
    }
    const job = retryIndex >= 0 ? lane.retrying[retryIndex]! : lane.fresh.peek();
    if (!job) continue;
    const bucketWait = Math.max(lane.rpm?.waitMs(1, now) ?? 0, lane.tpm?.waitMs(estimateTpmTokens(lane, job), now) ?? 0);
    if (bucketWait > 0) {
      waitMs = Math.min(waitMs, bucketWait);
      continue;
    }
    if (retryIndex >= 0) lane.retrying.splice(retryIndex, 1);
    else lane.fresh.shift();
    return { job, waitMs: 0 };
  }
  return { waitMs };
}

/** Charges the lane's buckets for a try that is starting. */
export function chargeBuckets(lane: Lane, job: Job, now: number): number {
  const tokens = estimateTpmTokens(lane, job);
  lane.rpm?.take(1, now);
  lane.tpm?.take(tokens, now);
  return tokens;
}

/** Settles the tpm estimate with the usage the provider reported and updates the output mean. */
export function settleBuckets(lane: Lane, estimated: number, usage: { input_tokens: number; output_tokens: number } | undefined): void {
  if (!usage) return;
  lane.tpm?.correct(estimated - (usage.input_tokens + usage.output_tokens));
  lane.outputSamples += 1;
  lane.meanOutputTokens += (usage.output_tokens - lane.meanOutputTokens) / lane.outputSamples;
}

/** One lane per candidate; candidates on one endpoint share its adaptive limit. */
export function createLanes(options: ExecuteRunOptions, concurrency: number, now: number): Lane[] {
  const endpoints = new Map<string, AdaptiveLimit>();
  return options.candidates.map((candidate, index) => {
    const config = candidate.config;
    const key = toEndpointKey(config);
    let endpoint = endpoints.get(key);
    if (!endpoint) {
      const configured = options.endpointConcurrency;
      const limit = typeof configured === 'number' ? configured : (configured?.[key] ?? concurrency);
      endpoint = new AdaptiveLimit(key, Math.min(limit, concurrency));
      endpoints.set(key, endpoint);
    }
    const lane: Lane = {
      index,
      id: config.id,
      candidate,
      endpoint,
      maxConcurrency: config.max_concurrency ?? Number.POSITIVE_INFINITY,
      inFlight: 0,
      fresh: new JobQueue(),
      retrying: [],
      meanOutputTokens: 256,
      outputSamples: 0,
      stream: config.stream ?? options.stream,
      timeoutMs: config.timeout_ms ?? options.timeoutMs,
      ttftTimeoutMs: config.ttft_timeout_ms ?? options.ttftTimeoutMs,
    };
    if (config.rpm !== undefined) lane.rpm = new TokenBucket(config.rpm, now);
    if (config.tpm !== undefined) lane.tpm = new TokenBucket(config.tpm, now);
    return lane;
  });
}

export function countFullestLane(lanes: readonly Lane[]): number {
  let fullest = 0;
  for (const lane of lanes) fullest = Math.max(fullest, lane.fresh.length);
  return fullest;
}

export function hasQueuedJobs(lanes: readonly Lane[]): boolean {
  return lanes.some((lane) => lane.fresh.length > 0 || lane.retrying.length > 0);
}
