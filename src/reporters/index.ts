/** The reporter map: one reporter per file, chosen by name (`report --format NAME`). */
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderTerminal } from './terminal.js';
import type { Reporter } from './types.js';

export const REPORTERS = {
  table: renderTerminal,
  md: renderMarkdown,
  html: renderHtml,
  json: renderJson,
  junit: renderJunit,
} as const satisfies Record<string, Reporter>;

export type ReportFormat = keyof typeof REPORTERS;

export const REPORT_FORMATS = Object.keys(REPORTERS) as ReportFormat[];

export function isReportFormat(name: string): name is ReportFormat {
  return Object.hasOwn(REPORTERS, name);
}

export type { AttemptSource, GateOutcome, GateRuleOutcome, Reporter, ReporterOptions } from './types.js';
