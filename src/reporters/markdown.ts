/**
 * The markdown report, for a pull-request comment and $GITHUB_STEP_SUMMARY: the verdict first, then
 * the proposed chain against the baseline, one table of candidates, and collapsed details per
 * candidate with its failing cases. Everything that came from a dataset or a model is escaped.
 */
import type { RunRecordFile } from '../record/types.js';
import { collectFailures, type CandidateFindings } from './collect-failures.js';
import { escapeHtml, escapeMarkdownCell as cell } from './escape.js';
import { formatRate } from './format.js';
import { buildCandidateRows, buildChainComparison, describeRunState, describeVerdict, listParameterWarnings, describeParameterWarning, type CandidateRow } from './summary-view.js';
import type { AttemptSource, ReporterOptions } from './types.js';

const FAILING_CASES_SHOWN = 8;

export async function renderMarkdown(record: RunRecordFile, attempts?: AttemptSource, options: ReporterOptions = {}): Promise<string> {
  const findings = await collectFailures(attempts, FAILING_CASES_SHOWN);
  const out: string[] = [];
  const verdict = describeVerdict(record, options.gate);
  out.push(`## ${verdict.ok ? '✅' : '❌'} ${escapeHtml(verdict.headline)}`, '');
  for (const note of describeRunState(record)) out.push(`> [!WARNING]`, `> **${cell(note)}**`, '');
  out.push(
    `<sub>chainproof ${escapeHtml(record.tool.version)} · suite **${cell(record.suite.name)}** · run \`${escapeHtml(record.run_id).replace(/`/g, "'")}\` · ` +
      `${record.case_count} cases × ${record.candidates.length} candidates${record.repeat > 1 ? ` × ${record.repeat} repeats` : ''}</sub>`,
    '',
  );

  if (options.gate) {
    out.push('### Gate', '', '| rule | result | detail |', '| --- | --- | --- |');
    for (const rule of options.gate.rules) out.push(`| ${cell(rule.name)} | ${rule.pass ? '✅ pass' : '❌ fail'} | ${cell(rule.detail)} |`);
    out.push('');
  }

  out.push('### Proposed chain vs baseline', '', '| | proposed | baseline |', '| --- | --- | --- |');
  for (const row of buildChainComparison(record)) out.push(`| ${row.metric} | ${cell(row.proposed)} | ${cell(row.baseline)} |`);
  out.push('');

  const rows = buildCandidateRows(record);
  out.push(
    '### Candidates',
    '',
    '| # | candidate | model | status | pass rate (95% CI) | errors | p95 latency | cost / 1k req | cost / pass |',
    '| ---: | --- | --- | --- | --- | ---: | ---: | ---: | ---: |',
  );
  for (const row of rows) {
    const status = `${row.in_chain ? '🔗 ' : ''}${statusLabel(row.status)}`;
    const pass = `${row.pass}${row.pass_interval ? ` (${row.pass_interval})` : ''}`;
    out.push(`| ${row.position} | **${cell(row.candidate_id)}** | ${cell(row.model)} | ${status} | ${pass} | ${row.errors} | ${row.p95} | ${row.cost_per_1k} | ${row.cost_per_pass} |`);
  }
  out.push('');

  for (const row of rows) out.push(...renderCandidateDetails(row, findings.get(row.candidate_id)), '');

  const warnings = [
    ...listParameterWarnings(record).map(
      (warning) => `**${cell(warning.candidate_id)}**: \`${escapeHtml(warning.param).replace(/`/g, "'")}\` ${describeParameterWarning(warning)}`,
    ),
    ...record.summary.warnings.map(cell),
  ];
  if (warnings.length > 0) out.push('### Warnings', '', ...warnings.map((warning) => `- ${warning}`), '');
  return out.join('\n');
}

function renderCandidateDetails(row: CandidateRow, findings: CandidateFindings | undefined): string[] {
  const failing = findings?.failing ?? 0;
  const lines = [
    '<details>',
    `<summary><b>${escapeHtml(row.candidate_id)}</b> — ${statusLabel(row.status)}, ${failing} failing attempt${failing === 1 ? '' : 's'}</summary>`,
    '',
  ];
  for (const reason of row.reasons) lines.push(`- ${cell(reason)}`);
  const card = row.scorecard;
  if (card) {
    const validators = Object.entries(card.pass_by_validator).map(([name, estimate]) => `${cell(name)} ${formatRate(estimate)}`);
    if (validators.length > 0) lines.push(`- by validator: ${validators.join(' · ')}`);
    const errors = Object.entries(card.errors_by_kind).filter(([, count]) => count > 0);
    if (errors.length > 0) lines.push(`- errors: ${errors.map(([kind, count]) => `${cell(kind)} ×${count}`).join(', ')}`);
  }
  for (const warning of findings?.warnings ?? []) {
    lines.push(`- ⚠️ \`${escapeHtml(warning.param).replace(/`/g, "'")}\` ${cell(warning.type)} on ${warning.count} attempts: ${cell(warning.detail)}`);
  }
  if (findings && findings.shown.length > 0) {
    lines.push('', '| case | validator | reason | answer excerpt |', '| --- | --- | --- | --- |');
    for (const failure of findings.shown) {
      const answer = failure.excerpt ? `<code>${cell(failure.excerpt)}</code>` : '_(no answer)_';
      lines.push(`| ${cell(failure.case_id)}${failure.repeat > 0 ? ` (repeat ${failure.repeat})` : ''} | ${cell(failure.validator)} | ${cell(failure.reason)} | ${answer} |`);
    }
    if (failing > findings.shown.length) lines.push('', `…and ${failing - findings.shown.length} more: see report.html.`);
  }
  lines.push('', '</details>');
  return lines;
}

function statusLabel(status: string): string {
  return status.replace(/_/g, ' ');
}
