/** Sampled records → dataset lines (DESIGN.md §9), scrubbed when asked, with provenance. */
import type { CanonicalRequest, CaseExpectations } from '../core/types.js';
import { createScrubber } from './scrub-case.js';
import type { Candidate } from './sample-logs.js';

export interface SampledCase {
  id: string;
  request: CanonicalRequest;
  tags: string[];
  weight: number;
  cluster?: string;
  expect?: CaseExpectations;
  source: { file: string; line: number };
}

export interface BuildOptions {
  weightOf(candidate: Candidate): number;
  stratifyBy?: string;
  scrubPii: boolean;
  fallbackId(candidate: Candidate): string;
}

/** A stratum tag (`model:gpt-4o`) lets reports break results down the way the sample was drawn. */
function withStratumTag(tags: string[], stratifyBy: string | undefined, stratum: string): string[] {
  if (!stratifyBy || stratifyBy === 'tags' || stratifyBy.startsWith('tag:')) return tags;
  const tag = `${stratifyBy}:${stratum}`;
  return tags.includes(tag) ? tags : [...tags, tag];
}

export function buildCases(chosen: Candidate[], options: BuildOptions): { cases: SampledCase[]; placeholders: Record<string, number> } {
  const usedIds = new Set<string>();
  const placeholders: Record<string, number> = {};
  const cases = chosen.map((candidate) => {
    const { record, source } = candidate;
    const scrubber = options.scrubPii ? createScrubber() : undefined;
    // A log's own id can be personal (an e-mail as request id): scrubbed like the rest of the case.
    const baseId = scrubber ? scrubber.scrubText(record.id ?? options.fallbackId(candidate)) : (record.id ?? options.fallbackId(candidate));
    let id = baseId;
    for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${baseId}~${suffix}`;
    usedIds.add(id);
    let expect: CaseExpectations | undefined = record.expect ? { ...record.expect } : undefined;
    if (record.reference !== undefined) expect = { ...expect, reference: record.reference };
    let request = record.request;
    let tags = withStratumTag(record.tags, options.stratifyBy, candidate.stratum);
    let cluster = record.cluster;
    if (scrubber) {
      request = scrubber.scrubValue(request);
      tags = scrubber.scrubValue(tags);
      if (cluster !== undefined) cluster = scrubber.scrubText(cluster);
      if (expect) expect = scrubber.scrubValue(expect);
      for (const [category, count] of Object.entries(scrubber.counts)) placeholders[category] = (placeholders[category] ?? 0) + count;
    }
    // Key order is the dataset format's: id, request, tags, weight, cluster?, expect?, source.
    const out: SampledCase = {
      id,
      request,
      tags,
      weight: options.weightOf(candidate),
      ...(cluster !== undefined ? { cluster } : {}),
      ...(expect ? { expect } : {}),
      source: { file: source.file, line: source.line },
    };
    return out;
  });
  return { cases, placeholders };
}
