/** chainproof's own dataset lines (DESIGN.md §9), to re-sample a dataset; `weight` drives A-Res. */
import { failLine, isRecord, readRequestBody, readString, readTimestamp } from '../to-canonical.js';
import type { CaseExpectations } from '../../core/types.js';
import type { FormatSpec } from '../types.js';

export const datasetFormat: FormatSpec = {
  name: 'dataset',
  expected: 'a chainproof dataset line: {"id", "request": {"messages": […]}, "tags"?, "weight"?, "cluster"?, "expect"?}',
  matches: (raw) => isRecord(raw.request) && 'id' in raw && !('response' in raw),
  readWeight: (raw) => (typeof raw.weight === 'number' && raw.weight > 0 && Number.isFinite(raw.weight) ? raw.weight : 1),
  read: (raw, where) => {
    const { request, conversion } = readRequestBody(raw.request, where, 'request');
    const weight = raw.weight === undefined ? 1 : raw.weight;
    if (typeof weight !== 'number' || !(weight > 0) || !Number.isFinite(weight)) failLine(where, 'weight', 'expected a positive number');
    if (raw.tags !== undefined && (!Array.isArray(raw.tags) || raw.tags.some((tag) => typeof tag !== 'string'))) {
      failLine(where, 'tags', 'expected an array of strings');
    }
    const expect = isRecord(raw.expect) ? (raw.expect as CaseExpectations) : undefined;
    return {
      request,
      reference: typeof expect?.reference === 'string' ? expect.reference : undefined,
      tags: (raw.tags as string[] | undefined) ?? [],
      weight,
      timestamp: readTimestamp(raw.timestamp),
      id: readString(raw.id),
      cluster: readString(raw.cluster),
      expect,
      conversion,
    };
  },
};
