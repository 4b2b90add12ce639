/**
 * What each candidate will be sent, before anything is sent (`chainproof check`): every case goes
 * through each candidate's request builder — pure, no network, no key — and what the builders
 * had to change is counted. A capability gap found here (tools or response_format it cannot
 * honour, part of a prompt it cannot take) disqualifies the candidate in `run`; better to know
 * before paying for it.
 */
import type { CandidateConfig } from '../config/suite-schema.js';
import { findCapabilityGaps, type CapabilityGap } from '../core/capability-gaps.js';
import type { Case } from '../core/types.js';
import { createModelClient } from '../providers/index.js';

export interface CandidatePreview {
  candidate_id: string;
  cases: number;
  /** Cases per rewritten parameter (renamed, defaulted, clamped, translated): warnings in the report. */
  rewritten: Record<string, number>;
  /** Cases per capability gap: `run` disqualifies the candidate for these. */
  gaps: Partial<Record<CapabilityGap, number>>;
  /** One detail per gap, to say what was dropped. */
  gap_examples: Partial<Record<CapabilityGap, string>>;
}

/** A base URL that is never called: `prepare` only needs one to build the request. */
const PREVIEW_BASE_URL = 'http://preview.invalid';

export async function previewRequests(cases: AsyncIterable<Case>, candidates: readonly CandidateConfig[], stream: boolean): Promise<CandidatePreview[]> {
  const clients = candidates.map((config) => createModelClient(config, { env: {}, stream, baseUrl: PREVIEW_BASE_URL }));
  const previews: CandidatePreview[] = candidates.map((config) => ({ candidate_id: config.id, cases: 0, rewritten: {}, gaps: {}, gap_examples: {} }));
  for await (const testCase of cases) {
    clients.forEach((client, index) => {
      const preview = previews[index]!;
      preview.cases += 1;
      const { warnings } = client.prepare(testCase.request);
      for (const param of new Set(warnings.map((warning) => warning.param))) preview.rewritten[param] = (preview.rewritten[param] ?? 0) + 1;
      for (const gap of findCapabilityGaps(warnings)) {
        preview.gaps[gap] = (preview.gaps[gap] ?? 0) + 1;
        preview.gap_examples[gap] ??= warnings.find((warning) => findCapabilityGaps([warning]).includes(gap))?.detail ?? '';
      }
    });
  }
  return previews;
}

