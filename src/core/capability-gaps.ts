/**
 * Which requested capabilities a candidate could not honour, read from its request warnings, so
 * qualification can flag it: `response_format` asked for only in the prompt (not enforced) or
 * dropped, `tools` / `tool_choice` dropped.
 */
import type { RequestWarning } from './types.js';

export type CapabilityGap = 'response_format' | 'tools';

export function findCapabilityGaps(warnings: readonly RequestWarning[]): CapabilityGap[] {
  const gaps = new Set<CapabilityGap>();
  for (const warning of warnings) {
    if (warning.param === 'response_format' && (warning.type === 'unsupported' || /not enforced/.test(warning.detail))) gaps.add('response_format');
    if ((warning.param === 'tools' || warning.param === 'tool_choice') && warning.type === 'unsupported') gaps.add('tools');
  }
  return [...gaps];
}
