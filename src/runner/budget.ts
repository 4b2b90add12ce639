/**
 * Money: the worst case one try can cost (estimated input plus the output ceiling at full price),
 * and the run's expected cost before it starts, for the refuse-before-spending check.
 */
import type { CandidateConfig, Price } from '../config/suite-schema.js';
import type { Case } from '../core/types.js';
import { readMaxOutputTokens } from './estimate-tokens.js';

/** Tokenizers differ across vendors; the budget guard assumes the count may run this much high. */
const INPUT_ESTIMATE_MARGIN = 1.1;

export function resolveMaxOutputTokens(testCase: Case, candidate: CandidateConfig, fallback: number): number {
  const params = candidate.params ?? {};
  const fromParams = params['max_completion_tokens'] ?? params['max_tokens'];
  if (typeof fromParams === 'number' && fromParams > 0) return fromParams;
  return readMaxOutputTokens(testCase.request) ?? fallback;
}

export function computeCostUsd(price: Price | undefined, inputTokens: number, outputTokens: number): number {
  if (!price) return 0;
  const outputPrice = Math.max(price.output_per_mtok, price.reasoning_per_mtok ?? 0);
  return (inputTokens * price.input_per_mtok + outputTokens * outputPrice) / 1_000_000;
}

export function computeWorstCaseCostUsd(price: Price | undefined, inputTokens: number, maxOutputTokens: number): number {
  return computeCostUsd(price, Math.ceil(inputTokens * INPUT_ESTIMATE_MARGIN), maxOutputTokens);
}

export interface RunCostEstimate {
  /** Expected: estimated input plus `expectedOutputTokens` (or the output ceiling if lower) per call. */
  expectedUsd: number;
  /** Every call at its output ceiling, plus every allowed retry billed: the most the run could cost. */
  worstCaseUsd: number;
  calls: number;
  byCandidate: Record<string, { expectedUsd: number; worstCaseUsd: number; calls: number }>;
  /** Candidates with no price: their spend cannot be estimated or capped. */
  unpriced: string[];
}

export interface EstimateRunCostOptions {
  cases: AsyncIterable<Case> | Iterable<Case>;
  candidates: Array<{ config: CandidateConfig; price?: Price }>;
  repeat?: number;
  retries?: number;
  countInputTokens(testCase: Case): number;
  /** Typical answer length when the request sets no ceiling (default 400 tokens). */
  expectedOutputTokens?: number;
  defaultMaxOutputTokens?: number;
}

/** Streams the cases once; memory stays flat. */
export async function estimateRunCost(options: EstimateRunCostOptions): Promise<RunCostEstimate> {
  const repeat = options.repeat ?? 1;
  const expectedOutput = options.expectedOutputTokens ?? 400;
  const fallbackMax = options.defaultMaxOutputTokens ?? 4096;
  const byCandidate: RunCostEstimate['byCandidate'] = {};
  for (const candidate of options.candidates) byCandidate[candidate.config.id] = { expectedUsd: 0, worstCaseUsd: 0, calls: 0 };
  for await (const testCase of options.cases) {
    const input = options.countInputTokens(testCase);
    for (const candidate of options.candidates) {
      const price = candidate.config.price ?? candidate.price;
      const maxOutput = resolveMaxOutputTokens(testCase, candidate.config, fallbackMax);
      const entry = byCandidate[candidate.config.id]!;
      entry.calls += repeat;
      entry.expectedUsd += repeat * computeCostUsd(price, input, Math.min(expectedOutput, maxOutput));
      entry.worstCaseUsd += repeat * (1 + (options.retries ?? 0)) * computeWorstCaseCostUsd(price, input, maxOutput);
    }
  }
  const entries = Object.values(byCandidate);
  return {
    expectedUsd: entries.reduce((sum, entry) => sum + entry.expectedUsd, 0),
    worstCaseUsd: entries.reduce((sum, entry) => sum + entry.worstCaseUsd, 0),
    calls: entries.reduce((sum, entry) => sum + entry.calls, 0),
    byCandidate,
    unpriced: options.candidates.filter((candidate) => !(candidate.config.price ?? candidate.price)).map((candidate) => candidate.config.id),
  };
}
