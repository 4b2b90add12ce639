/**
 * Which requested capabilities a candidate could not honour, read from its request warnings, so
 * qualification can flag it: `response_format` asked for only in the prompt (not enforced) or
 * dropped, `tools` / `tool_choice` dropped, and `content`: part of the prompt (an image, audio or
 * a file the provider cannot take) dropped, so the candidate answered without seeing it.
 */
import type { RequestWarning } from './types.js';

export type CapabilityGap = 'response_format' | 'tools' | 'content';

export function findCapabilityGaps(warnings: readonly RequestWarning[]): CapabilityGap[] {
  const gaps = new Set<CapabilityGap>();
  for (const warning of warnings) {
    if (warning.param === 'response_format' && (warning.type === 'unsupported' || /not enforced/.test(warning.detail))) gaps.add('response_format');
    if ((warning.param === 'tools' || warning.param === 'tool_choice') && warning.type === 'unsupported') gaps.add('tools');
    if (warning.param === 'messages' && warning.type === 'unsupported') gaps.add('content');
  }
  return [...gaps];
}
