/** Everything the scoring steps share for one run: facts, rules, clusters and tag slices. */
import { QualifySchema } from '../config/suite-schema.js';
import type { RunManifest } from '../record/types.js';
import type { AttemptFacts } from './attempt-facts.js';
import type { OutcomeRules } from './attempt-outcome.js';
import type { PairedIntervalMethod } from './paired-interval.js';

export interface SummarizeOptions {
  /** Case id → tags (attempts do not carry tags). Enables per-tag pass rates and strata. */
  caseTags?: Map<string, string[]>;
  /** Case id → cluster key (conversation, template): resampled and varied together. */
  caseClusters?: Map<string, string>;
  /** Validators whose failures are safety failures (default `['safety']`). */
  safetyValidators?: string[];
  /** Seed of every bootstrap (default: the manifest's seed). */
  seed?: string | number;
  /** Paired interval method (default Tango, Agresti–Min as fallback). */
  pairedMethod?: PairedIntervalMethod;
  /** Bootstrap replicates for clustered latency intervals (default 1000, fewer on huge runs). */
  latencyReplicates?: number;
  /** Common-cause share β given to members that share a dependency (default 0.1). */
  defaultBeta?: number;
  /** Smallest stratum (paired cases) tested per tag (default 10). */
  minStratumSize?: number;
}

export type QualifyRules = ReturnType<typeof QualifySchema.parse>;

export interface ScoringContext {
  manifest: RunManifest;
  facts: AttemptFacts;
  rules: QualifyRules;
  outcomeRules: OutcomeRules;
  keyCluster: Int32Array;
  clusterCount: number;
  /** Tag → keys carrying it, in key order. */
  tagKeys: Map<string, number[]>;
  options: SummarizeOptions;
  seed: string;
  warnings: string[];
}

export function readQualifyRules(manifest: RunManifest, warnings: string[]): QualifyRules {
  const parsed = QualifySchema.safeParse(manifest.qualify ?? {});
  if (parsed.success) return parsed.data;
  warnings.push(`run.json qualify block is invalid (${parsed.error.issues[0]?.message ?? 'unknown'}); using the default rules`);
  return QualifySchema.parse({});
}

export function readOutcomeRules(manifest: RunManifest, options: SummarizeOptions, warnings: string[]): OutcomeRules {
  const rules = readQualifyRules(manifest, warnings);
  const outcome: OutcomeRules = { safetyValidators: new Set(options.safetyValidators ?? ['safety']) };
  if (rules.required_validators) outcome.requiredValidators = new Set(rules.required_validators);
  return outcome;
}

export function createScoringContext(
  manifest: RunManifest,
  facts: AttemptFacts,
  outcomeRules: OutcomeRules,
  options: SummarizeOptions,
  warnings: string[],
): ScoringContext {
  const rules = readQualifyRules(manifest, []);
  const clusterIds = new Map<string, number>();
  const keyCluster = new Int32Array(facts.keyCount);
  const tagKeys = new Map<string, number[]>();
  for (let key = 0; key < facts.keyCount; key += 1) {
    const caseId = facts.caseOfKey(key);
    const label = options.caseClusters?.get(caseId) ?? `case:${caseId}`;
    let cluster = clusterIds.get(label);
    if (cluster === undefined) {
      cluster = clusterIds.size;
      clusterIds.set(label, cluster);
    }
    keyCluster[key] = cluster;
    for (const tag of options.caseTags?.get(caseId) ?? []) {
      const list = tagKeys.get(tag) ?? [];
      list.push(key);
      tagKeys.set(tag, list);
    }
  }
  return {
    manifest,
    facts,
    rules,
    outcomeRules,
    keyCluster,
    clusterCount: clusterIds.size,
    tagKeys,
    options,
    seed: String(options.seed ?? manifest.seed ?? 0),
    warnings,
  };
}
