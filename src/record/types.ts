/**
 * The run record (DESIGN.md §9): reports/<run-id>/attempts.jsonl + run.json. Versioned; every
 * report and export is a pure function of it.
 */
import type { RunSummary } from '../scoring/types.js';

export const RECORD_SCHEMA_VERSION = 1;

export interface CandidateSummary {
  id: string;
  provider: string;
  model: string;
  protocol?: string;
  base_url?: string;
  /** Name of the environment variable the key came from, never the key. */
  api_key_env?: string;
  params?: Record<string, unknown>;
  price?: { input_per_mtok: number; output_per_mtok: number; cached_input_per_mtok?: number; cache_write_input_per_mtok?: number; cache_write_1h_input_per_mtok?: number; reasoning_per_mtok?: number };
  /** 'provider': the provider reports each call's cost (OpenRouter), used instead of any price. */
  price_source: 'provider' | 'suite' | 'table' | 'none';
  infra?: Record<string, string>;
  timeout_ms?: number;
  simulated: boolean;
}

export interface RunManifest {
  schema_version: number;
  tool: { name: 'chainproof'; version: string };
  run_id: string;
  created_at: string;
  finished_at?: string;
  complete: boolean;
  /** Why the run stopped early: interrupted, budget. */
  stopped_reason?: string;
  simulated: boolean;
  suite: { name: string; path: string; digest: string };
  datasets: Array<{ path: string; digest: string; cases: number }>;
  /** Digest of the ordered case ids and requests: two runs compare only when it matches. */
  cases_digest: string;
  case_count: number;
  seed: number;
  repeat: number;
  shard?: {
    /** 1-based, as `--shard I/N`. */
    index: number;
    count: number;
    /** `cases_digest` and `case_count` of the run before shard selection: every shard of one run shares them, and merge checks it. */
    unsharded_cases_digest?: string;
    unsharded_case_count?: number;
  };
  candidates: CandidateSummary[];
  primary: string;
  baseline_chain?: string[];
  validators: string[];
  qualify: Record<string, unknown>;
  run_options: Record<string, unknown>;
  environment: { node: string; platform: string };
}

export interface RunRecordFile extends RunManifest {
  summary: RunSummary;
}
