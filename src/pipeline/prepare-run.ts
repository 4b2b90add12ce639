/**
 * Everything a run checks before it may spend anything: the suite, every dataset line, the API
 * keys, the validators and the budget. Any problem is a UserInputError (exit 2) and nothing has
 * been called. `chainproof check` is this step alone.
 */
import type { Suite } from '../config/suite-schema.js';
import type { CanonicalRequest, Case } from '../core/types.js';
import { primaryCandidateId } from '../config/suite-schema.js';
import { loadSuite, type LoadedSuite } from '../config/load-suite.js';
import { openCaseSource, type CaseSource } from '../config/case-source.js';
import { UserInputError } from '../core/errors.js';
import { findMissingApiKeys, findTablePrice } from '../providers/index.js';
import { computeCacheKey, createCaseTokenEstimator, estimateRunCost, loadTokenCounter, selectShard, type AttemptCache, type RunCostEstimate, type ShardSpec } from '../runner/index.js';
import { toSimulatedModelSpecs } from '../simulator/index.js';
import type { SimulatedModelSpec } from '../simulator/types.js';
import { createValidators } from '../validators/create-validators.js';
import type { Validator } from '../validators/types.js';
import type { ModelClient } from '../providers/types.js';

export interface RunOverrides {
  concurrency?: number;
  repeat?: number;
  limit?: number;
  seed?: number;
  shard?: ShardSpec;
  budgetUsd?: number;
  noCache?: boolean;
  skipInvalid?: boolean;
  /** Start even when the pre-run estimate exceeds the budget (the in-run guard still stops it). */
  ignoreBudgetEstimate?: boolean;
  /** Report missing API keys in `missingKeys` instead of failing (`chainproof check`). */
  allowMissingKeys?: boolean;
  /** Estimate the cost even without a budget (`chainproof check`); a budget always estimates. */
  estimateCost?: boolean;
}

export interface PreparedRun {
  loaded: LoadedSuite;
  /** The suite with the command-line overrides applied. */
  suite: Suite;
  cases: CaseSource;
  validators: Validator[];
  /** The pre-run cost estimate, when a budget is set or `estimateCost` asked for it. */
  estimate?: RunCostEstimate;
  primary: string;
  simulated: boolean;
  /** The models the in-process simulator serves (simulated candidates only). */
  simulatedModels: SimulatedModelSpec[];
  missingKeys: Array<{ candidateId: string; variable: string }>;
  /** Clients the judge validator may call, by candidate id: filled when the run creates them. */
  judgeClients: Map<string, ModelClient>;
  /** Where judge answers are cached, like any call: set when the run has a cache. */
  judgeCache: { cache?: AttemptCache };
}

export async function prepareRun(suitePath: string, cwd: string, env: Record<string, string | undefined>, overrides: RunOverrides = {}): Promise<PreparedRun> {
  const loaded = await loadSuite(suitePath, cwd);
  const suite = applyOverrides(loaded.suite, overrides);
  const simulatedModels = toSimulatedModelSpecs(suite.candidates);

  const cases = await openCaseSource(loaded, {
    limit: overrides.limit,
    skipInvalid: overrides.skipInvalid,
    select: overrides.shard ? (caseId) => selectShard(caseId, overrides.shard!.index, overrides.shard!.count) : undefined,
  });

  const missing = findMissingApiKeys(suite.candidates, env);
  if (missing.length > 0 && !overrides.allowMissingKeys) {
    throw new UserInputError(`missing API key${missing.length > 1 ? 's' : ''}: ${[...new Set(missing.map((entry) => entry.variable))].join(', ')}`, {
      location: { file: loaded.file },
      details: missing.map((entry) => `candidate "${entry.candidateId}" reads ${entry.variable}`),
      hint: 'Export the variables (or set api_key_env per candidate); nothing was called.',
    });
  }

  // The judge validator calls a candidate of the suite; its client exists once the run starts.
  const judgeClients = new Map<string, ModelClient>();
  const judgeCache: { cache?: AttemptCache } = {};
  const validators = await createValidators(suite.validators as Parameters<typeof createValidators>[0], {
    baseDir: loaded.baseDir,
    judge: async (request, candidateId) => {
      const client = judgeClients.get(candidateId);
      if (!client) throw new UserInputError(`the judge candidate "${candidateId}" is not a candidate of this suite`, { location: { file: loaded.file, path: 'validators' } });
      return callJudge(client, request, judgeCache.cache);
    },
  });

  // The estimate needs the tokenizer (~30 MB): only when a budget or the caller asks for it.
  const budget = suite.run.budget_usd;
  let estimate: RunCostEstimate | undefined;
  if (budget !== undefined || overrides.estimateCost) {
    const counter = await loadTokenCounter();
    estimate = await estimateRunCost({
      cases: checkEachCase(cases.open(), validators),
      candidates: suite.candidates.map((config) => ({ config, price: config.price ?? findTablePrice(config.model) })),
      repeat: suite.run.repeat,
      retries: suite.run.retries,
      countInputTokens: createCaseTokenEstimator(counter),
    });
  } else {
    for await (const _checked of checkEachCase(cases.open(), validators)); // validators check every case before any call
  }
  if (budget !== undefined && estimate && estimate.expectedUsd > budget && !overrides.ignoreBudgetEstimate) {
    // Small budgets are real (a smoke run under a cent): show them with the precision they have.
    const usd = (value: number) => `$${value > 0 && value < 0.01 ? value.toPrecision(2) : value.toFixed(2)}`;
    const fromFlag = overrides.budgetUsd !== undefined;
    throw new UserInputError(`the run is estimated at ${usd(estimate.expectedUsd)}, over the budget of ${usd(budget)}${fromFlag ? ' (--budget-usd)' : ''}`, {
      location: fromFlag ? undefined : { file: loaded.file, path: 'run.budget_usd' },
      details: Object.entries(estimate.byCandidate).map(([id, entry]) => `${id}: ${entry.calls} calls, ~$${entry.expectedUsd.toFixed(2)} (at most $${entry.worstCaseUsd.toFixed(2)})`),
      hint: 'Raise --budget-usd, use --limit or a smaller sample, or pass --ignore-estimate to start anyway (the run still stops at the budget).',
    });
  }

  return {
    loaded,
    suite,
    cases,
    validators,
    ...(estimate ? { estimate } : {}),
    primary: primaryCandidateId(suite),
    simulated: simulatedModels.length > 0,
    simulatedModels,
    missingKeys: missing,
    judgeClients,
    judgeCache,
  };
}

function applyOverrides(suite: Suite, overrides: RunOverrides): Suite {
  const run = { ...suite.run };
  if (overrides.concurrency !== undefined) run.concurrency = positiveInteger(overrides.concurrency, '--concurrency');
  if (overrides.repeat !== undefined) run.repeat = positiveInteger(overrides.repeat, '--repeat');
  if (overrides.seed !== undefined) run.seed = Math.trunc(overrides.seed);
  if (overrides.budgetUsd !== undefined) run.budget_usd = overrides.budgetUsd;
  if (overrides.noCache) run.cache = false;
  if (overrides.limit !== undefined) positiveInteger(overrides.limit, '--limit');
  return { ...suite, run };
}

function positiveInteger(value: number, flag: string): number {
  if (!Number.isInteger(value) || value < 1) throw new UserInputError(`${flag} must be a positive integer, got ${value}`);
  return value;
}

/**
 * Lets every validator check every case before anything is called (a schema that does not
 * compile, a language no parser knows): the error names the case's file and line.
 */
async function* checkEachCase(cases: AsyncIterable<Case>, validators: Validator[]): AsyncGenerator<Case> {
  for await (const testCase of cases) {
    for (const validator of validators) {
      try {
        validator.check?.(testCase);
      } catch (error) {
        if (!(error instanceof UserInputError)) throw error;
        throw new UserInputError(`case "${testCase.id}": ${validator.name}: ${error.message}`, {
          ...(testCase.source ? { location: { file: testCase.source.file, line: testCase.source.line } } : {}),
          details: error.details,
          ...(error.hint ? { hint: error.hint } : {}),
        });
      }
    }
    yield testCase;
  }
}

/** One judge call, through the run's cache: a rerun of the suite asks the judge nothing again. */
async function callJudge(client: ModelClient, request: CanonicalRequest, cache: AttemptCache | undefined): Promise<{ text: string; costUsd: number }> {
  const key = cache ? computeCacheKey(client, { id: 'judge', request, tags: [], weight: 1, expect: {} }, 0, false, 'judge') : undefined;
  const hit = key ? await cache!.get(key) : undefined;
  if (hit && hit.status === 'ok') return { text: hit.output, costUsd: hit.cost_usd };
  const result = await client.call(request, { stream: false });
  if (key) {
    await cache!.set(key, {
      status: 'ok',
      retries: 0,
      latency_ms: result.latencyMs,
      usage: result.response.usage,
      cost_usd: result.costUsd,
      output: result.response.text,
      finish_reason: result.response.finishReason,
      warnings: result.warnings,
    });
  }
  return { text: result.response.text, costUsd: result.costUsd };
}
