/** The terminal report: the ranked candidates and the chain comparison as cli-table3 tables. */
import Table from 'cli-table3';
import type { RunRecordFile } from '../record/types.js';
import { buildCandidateRows, buildChainComparison, describeRunState, describeVerdict, listParameterWarnings, describeParameterWarning } from './summary-view.js';
import type { AttemptSource, ReporterOptions } from './types.js';

const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, bold: 1 } as const;

export async function renderTerminal(record: RunRecordFile, _attempts?: AttemptSource, options: ReporterOptions = {}): Promise<string> {
  const paint = (code: keyof typeof ANSI, text: string) => (options.color ? `\u001b[${ANSI[code]}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  lines.push(paint('bold', `chainproof · ${clean(record.suite.name)} · run ${clean(record.run_id)}`));
  for (const note of describeRunState(record)) lines.push(paint('yellow', `! ${note}`));
  const verdict = describeVerdict(record, options.gate);
  lines.push(paint(verdict.ok ? 'green' : 'red', `${verdict.ok ? '✔' : '✘'} ${clean(verdict.headline)}`), '');

  const candidates = new Table({
    head: ['#', 'candidate', 'model', 'status', 'pass rate (95% CI)', 'errors', 'p50', 'p95', 'cost/1k', 'cost/pass'],
    style: { head: [], border: [] },
  });
  for (const row of buildCandidateRows(record)) {
    const status = row.in_chain ? paint('green', row.status) : row.qualified ? row.status : paint('red', row.status);
    candidates.push([
      row.position,
      clean(row.candidate_id),
      clean(row.model),
      status,
      `${row.pass}${row.pass_interval ? ` (${row.pass_interval})` : ''}`,
      row.errors,
      row.p50,
      row.p95,
      row.cost_per_1k,
      row.cost_per_pass,
    ]);
  }
  lines.push(candidates.toString(), '');

  const notQualified = record.summary.qualification.filter((entry) => !entry.qualified && entry.status !== 'primary');
  if (notQualified.length > 0) {
    lines.push(paint('bold', 'Not in the chain, and why:'));
    for (const entry of notQualified) {
      lines.push(`  ${paint('red', clean(entry.candidate_id))} (${entry.status.replace(/_/g, ' ')})`);
      for (const reason of entry.reasons.slice(0, 4)) lines.push(`    - ${clean(reason)}`);
      if (entry.reasons.length > 4) lines.push(`    - … ${entry.reasons.length - 4} more in report.md`);
    }
    lines.push('');
  }

  const chain = new Table({ head: ['', 'proposed', 'baseline'], style: { head: [], border: [] } });
  for (const row of buildChainComparison(record)) chain.push([row.metric, clean(row.proposed), clean(row.baseline)]);
  lines.push(chain.toString());

  if (options.gate) {
    lines.push('');
    for (const rule of options.gate.rules) lines.push(`${rule.pass ? paint('green', 'PASS') : paint('red', 'FAIL')}  ${clean(rule.name)}  ${clean(rule.detail)}`);
  }
  const warnings = [
    ...listParameterWarnings(record).map((row) => `${row.candidate_id}: ${row.param} ${describeParameterWarning(row)}`),
    ...record.summary.warnings,
  ];
  if (warnings.length > 0) {
    lines.push('', paint('yellow', 'Warnings:'));
    for (const warning of warnings) lines.push(`  - ${clean(warning)}`);
  }
  return lines.join('\n') + '\n';
}

/** Names come from suites and datasets: strip control characters so none can drive the terminal. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
}
