/**
 * The response cache: an attempt's outcome stored under a digest of where it was sent and what
 * (provider, base URL, model, the wire body the adapter prepares, repeat index). Headers are never
 * part of it, so no key or auth header can reach the cache. Files are written atomically; an entry
 * that does not parse or does not match its key is treated as absent and overwritten.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CandidateConfig } from '../config/suite-schema.js';
import type { Attempt, Case } from '../core/types.js';
import type { ModelClient } from '../providers/types.js';
import { stableStringify } from '../core/stable-json.js';

export const CACHE_FORMAT_VERSION = 1;

/** What is cached: the attempt without its identity and verdicts (validators re-run on a hit). */
export type CachedOutcome = Omit<Attempt, 'case_id' | 'candidate_id' | 'repeat' | 'verdicts' | 'cached'>;

export interface AttemptCache {
  get(key: string): Promise<CachedOutcome | undefined>;
  set(key: string, outcome: CachedOutcome): Promise<void>;
}

/**
 * `salt` separates answers that the request alone does not determine: for simulated candidates,
 * the simulator's seed (a run with another seed must not replay this one's answers).
 */
export function computeCacheKey(client: ModelClient, testCase: Case, repeat: number, stream: boolean | undefined, salt = ''): string {
  const prepared = client.prepare(testCase.request, stream === undefined ? {} : { stream });
  const url = new URL(prepared.url);
  url.searchParams.delete('key');
  const identity = {
    v: CACHE_FORMAT_VERSION,
    provider: client.candidate.provider,
    endpoint: describeEndpoint(client.candidate, url),
    path: url.pathname + url.search,
    model: client.candidate.model,
    body: prepared.body,
    repeat,
    salt,
  };
  return createHash('sha256').update(stableStringify(identity)).digest('hex');
}

/** The simulator listens on a fresh port each run; its behaviour, not its address, identifies it. */
function describeEndpoint(candidate: CandidateConfig, url: URL): string {
  if (candidate.provider === 'simulated') return `simulated:${stableStringify(candidate.simulate ?? {})}`;
  return candidate.base_url ?? url.origin;
}


/** Outcomes worth replaying. `auth` is a configuration problem the user will fix, not a measurement. */
export function isCacheableOutcome(outcome: CachedOutcome): boolean {
  return outcome.status === 'ok' || outcome.error?.kind !== 'auth';
}

interface CacheFile {
  version: number;
  key: string;
  outcome: CachedOutcome;
}

export function createDiskCache(directory: string): AttemptCache {
  const fileFor = (key: string) => path.join(directory, key.slice(0, 2), `${key}.json`);
  return {
    async get(key) {
      let text: string;
      try {
        text = await readFile(fileFor(key), 'utf8');
      } catch {
        return undefined;
      }
      try {
        const parsed = JSON.parse(text) as Partial<CacheFile>;
        if (parsed.version !== CACHE_FORMAT_VERSION || parsed.key !== key || !isOutcome(parsed.outcome)) return undefined;
        return parsed.outcome;
      } catch {
        return undefined;
      }
    },
    async set(key, outcome) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${randomUUID()}.tmp`;
      const content: CacheFile = { version: CACHE_FORMAT_VERSION, key, outcome };
      await writeFile(temporary, JSON.stringify(content));
      await rename(temporary, file);
    },
  };
}

function isOutcome(value: unknown): value is CachedOutcome {
  if (!value || typeof value !== 'object') return false;
  const outcome = value as Record<string, unknown>;
  return (
    (outcome['status'] === 'ok' || outcome['status'] === 'error') &&
    typeof outcome['output'] === 'string' &&
    typeof outcome['latency_ms'] === 'number' &&
    typeof outcome['cost_usd'] === 'number' &&
    typeof outcome['retries'] === 'number' &&
    Array.isArray(outcome['warnings']) &&
    typeof outcome['usage'] === 'object' && outcome['usage'] !== null
  );
}

export function toCachedOutcome(attempt: Attempt): CachedOutcome {
  const { case_id: _case, candidate_id: _candidate, repeat: _repeat, verdicts: _verdicts, cached: _cached, ...outcome } = attempt;
  return outcome;
}

export function fromCachedOutcome(outcome: CachedOutcome, caseId: string, candidateId: string, repeat: number): Attempt {
  return { case_id: caseId, candidate_id: candidateId, repeat, ...outcome, verdicts: [], cached: true };
}
