/**
 * What scoring derives from a run record. Reporters, exporters and the gate read these shapes;
 * add fields freely, rename none without updating every reader.
 */

export interface Interval {
  low: number;
  high: number;
}

export interface RateEstimate {
  /** Successes (or failures, for failure rates) and trials. */
  k: number;
  n: number;
  rate: number;
  /** 95% interval (Wilson for pass rates, Clopper–Pearson for safety failure rates). */
  interval: Interval;
  /** When repeats (or clusters) group the trials: the variance inflation the interval used. */
  design_effect?: number;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Bootstrap 95% intervals, when computed. */
  p50_interval?: Interval;
  p95_interval?: Interval;
  p99_interval?: Interval;
}

export interface Scorecard {
  candidate_id: string;
  attempts: number;
  /** Attempts that produced an answer (status ok). */
  answered: number;
  pass: RateEstimate;
  pass_by_tag: Record<string, RateEstimate>;
  pass_by_validator: Record<string, RateEstimate>;
  error_rate: RateEstimate;
  errors_by_kind: Record<string, number>;
  /** Share of requests that got an answer before retries (first try) and after. */
  availability: { first_try: number; after_retries: number };
  safety_failure?: RateEstimate;
  /** One-sided 95% Clopper–Pearson upper bound of the safety failure rate. */
  safety_failure_upper?: number;
  latency_ms: LatencySummary | null;
  ttft_ms: LatencySummary | null;
  cost_usd_total: number;
  cost_per_1k_requests_usd: number;
  /** Mean cost per request / pass rate; null when nothing passed. */
  cost_per_pass_usd: number | null;
  /** The candidate has no price (none in the suite or the table, no provider-reported cost): its costs read 0 but are unknown. */
  cost_unknown?: true;
  /** Attempts whose request could not be sent as asked, by warning param. */
  warnings_by_param: Record<string, number>;
  /** Attempts whose request could not honour response_format or tools (dropped, or only asked for in the prompt). */
  capability_gaps?: Record<string, number>;
  /** What judge validators spent scoring this candidate's answers (not part of its cost per request). */
  validation_cost_usd?: number;
  /** With repeat > 1: share of cases whose verdict flipped across repeats. */
  flip_rate?: number;
  simulated: boolean;
}

export type QualificationStatus = 'qualified' | 'worse' | 'not_enough_evidence' | 'disqualified' | 'primary';

export interface PairedComparison {
  /** a both pass, b primary passes / candidate fails, c primary fails / candidate passes, d both fail. */
  a: number;
  b: number;
  c: number;
  d: number;
  n: number;
  difference: number;
  /** One-sided 95% lower bound of candidate − primary. */
  lower_bound: number;
  interval: Interval;
  mid_p: number;
  method: string;
  /** Cases that would settle a "not enough evidence" verdict. */
  cases_needed?: number;
  /** Smallest difference this comparison could see (two-sided 5%, 80% power), in rate units. */
  mde?: number;
}

export interface Qualification {
  candidate_id: string;
  status: QualificationStatus;
  qualified: boolean;
  /** Plain words and numbers, one line each. */
  reasons: string[];
  paired?: PairedComparison;
  strata?: Array<{ tag: string; paired: PairedComparison; adjusted_p: number; failed: boolean }>;
  /** The hard rules the primary breaks (it stays the reference, but the production chain fails them). */
  broken_rules?: string[];
}

export interface RankedEntry {
  position: number;
  candidate_id: string;
  qualified: boolean;
  status: QualificationStatus;
  reasons: string[];
  /** A candidate that passes at least as often for no more money, when there is one. */
  dominated_by?: string;
}

export interface ChainPrediction {
  members: string[];
  /** (case, repeat) keys on which every member was measured. */
  cases?: number;
  /** Share of keys on which the served answer passed (a key nobody answered is a fail). */
  success_rate: number;
  success_interval?: Interval;
  /** Share of keys on which some member answered, as observed. */
  availability_measured?: number;
  member_availability?: Record<string, number>;
  /** Share of keys each member served. */
  served_share?: Record<string, number>;
  availability_independent: number;
  availability: number;
  shared_dependencies: Array<{ members: string[]; tag: string; value: string; beta: number }>;
  latency_ms: { p50: number; p95: number; p99: number };
  cost_per_1k_requests_usd: number;
  /** Members that served requests without a price: the cost above counts them as free. */
  cost_unknown_for?: string[];
}

export interface RunSummary {
  scorecards: Scorecard[];
  qualification: Qualification[];
  /** Every candidate in order: qualified ones first (the proposed chain), then the rest. */
  ranking: RankedEntry[];
  /** Qualified candidate ids in chain order, primary first. */
  proposed_chain: string[];
  chain_prediction?: ChainPrediction;
  baseline_prediction?: ChainPrediction;
  /** Proposed chain vs `baseline_chain`, paired on the same cases as served under measured failures. */
  baseline_comparison?: PairedComparison & { verdict: 'non_inferior' | 'worse' | 'not_enough_evidence' };
  /** Candidates on the cost (per 1,000 requests) vs pass-rate frontier, cheapest first. */
  pareto_frontier?: string[];
  primary?: string;
  margin?: number;
  simulated?: boolean;
  /** Minimum detectable difference of this run, in rate units. */
  mde?: number;
  warnings: string[];
}
