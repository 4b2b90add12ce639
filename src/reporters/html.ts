/**
 * The HTML report: one self-contained file (inline CSS, inline script allowed by hash, inline SVG,
 * no network) with the plots people would rather look at than read, and a filterable table of
 * every attempt. Model output reaches the page only as JSON data rendered with textContent.
 */
import type { Attempt } from '../core/types.js';
import type { RunRecordFile } from '../record/types.js';
import { escapeHtml as esc, toScriptJson } from './escape.js';
import { formatPercent } from './format.js';
import { hashScript, PAGE_CSS, PAGE_SCRIPT } from './html/page-assets.js';
import { plotChainPrediction } from './html/plot-chain.js';
import { plotCostVsPass, toCostPassPoints } from './html/plot-cost-pass.js';
import { plotLatency, toLatencyBox, type LatencyBox } from './html/plot-latency.js';
import { plotPassByTag } from './html/plot-tags.js';
import { colourFor } from './html/svg.js';
import { buildCandidateRows, buildChainComparison, describeRunState, describeVerdict, listParameterWarnings, describeParameterWarning } from './summary-view.js';
import { iterateAttempts, type AttemptSource, type ReporterOptions } from './types.js';

/** Longest answer kept in the page; the full text stays in attempts.jsonl. */
const ANSWER_CHARS = 4000;
/** Most attempts embedded; beyond that the table says how many were left out. */
const MAX_ATTEMPTS = 20_000;

export interface AttemptRow {
  case: string;
  candidate: string;
  repeat: number;
  outcome: 'pass' | 'fail' | 'error';
  error?: string;
  verdicts: Array<{ validator: string; pass: boolean; reason?: string }>;
  warnings: string[];
  latency_ms: number;
  cost_usd: number;
  output: string;
  truncated: boolean;
}

export function toAttemptRow(attempt: Attempt): AttemptRow {
  const output = attempt.output ?? '';
  const passed = attempt.status === 'ok' && attempt.verdicts.every((verdict) => verdict.pass);
  const row: AttemptRow = {
    case: attempt.case_id,
    candidate: attempt.candidate_id,
    repeat: attempt.repeat,
    outcome: attempt.status === 'error' ? 'error' : passed ? 'pass' : 'fail',
    verdicts: attempt.verdicts.map((verdict) => ({
      validator: verdict.validator,
      pass: verdict.pass,
      reason: verdict.reasons.map((reason) => `${reason.location ? `${reason.location}: ` : ''}${reason.message}`).join('; ') || undefined,
    })),
    warnings: (attempt.warnings ?? []).map((warning) => `${warning.param} ${warning.type}: ${warning.detail}`),
    latency_ms: attempt.latency_ms,
    cost_usd: attempt.cost_usd,
    output: output.length > ANSWER_CHARS ? output.slice(0, ANSWER_CHARS) : output,
    truncated: output.length > ANSWER_CHARS,
  };
  if (attempt.error) row.error = `${attempt.error.kind}: ${attempt.error.message}`;
  return row;
}

export async function renderHtml(record: RunRecordFile, attempts?: AttemptSource, options: ReporterOptions = {}): Promise<string> {
  const rows: AttemptRow[] = [];
  let total = 0;
  const latencies = new Map<string, number[]>();
  for await (const attempt of iterateAttempts(attempts)) {
    total += 1;
    if (rows.length < MAX_ATTEMPTS) rows.push(toAttemptRow(attempt));
    if (attempt.status === 'ok') {
      const sample = latencies.get(attempt.candidate_id) ?? [];
      sample.push(attempt.latency_ms);
      latencies.set(attempt.candidate_id, sample);
    }
  }
  const colours = new Map(record.candidates.map((candidate, index) => [candidate.id, colourFor(index)]));
  const cards = record.summary.scorecards;
  const boxes: LatencyBox[] = cards.flatMap((card): LatencyBox[] => {
    const colour = colours.get(card.candidate_id) ?? '#888';
    const sample = latencies.get(card.candidate_id);
    if (sample && sample.length > 0) return [toLatencyBox(card.candidate_id, colour, sample)];
    const summary = card.latency_ms;
    return summary ? [{ id: card.candidate_id, colour, n: summary.n, p50: summary.p50, p95: summary.p95, p99: summary.p99 }] : [];
  });

  const verdict = describeVerdict(record, options.gate);
  const title = `chainproof · ${record.suite.name} · ${record.run_id}`;
  const data = { kind: 'chainproof-report-data', schema_version: record.schema_version, run_id: record.run_id, simulated: record.simulated, summary: record.summary, attempts: rows, attempts_total: total };
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${hashScript(PAGE_SCRIPT)}'; base-uri 'none'; form-action 'none'`;

  const body: string[] = [];
  body.push(`<h1>${esc(title)}</h1>`);
  body.push(`<div class="meta">chainproof ${esc(record.tool.version)} · created ${esc(record.created_at)} · ${record.case_count} cases × ${record.candidates.length} candidates · seed ${record.seed} · record schema v${record.schema_version}</div>`);
  for (const note of describeRunState(record)) body.push(`<div class="banner ${record.simulated && note.startsWith('SIMULATED') ? 'simulated' : 'incomplete'}">${esc(note)}</div>`);
  body.push(`<div class="verdict${verdict.ok ? '' : ' bad'}">${verdict.ok ? '✔' : '✘'} ${esc(verdict.headline)}</div>`);
  if (record.summary.proposed_chain.length > 0) {
    body.push(`<div class="chain">Proposed chain: ${record.summary.proposed_chain.map((id) => `<span class="pill">${esc(id)}</span>`).join(' → ')}</div>`);
  }
  if (options.gate) {
    body.push('<h2>Gate</h2><table><thead><tr><th>rule</th><th>result</th><th>detail</th></tr></thead><tbody>');
    for (const rule of options.gate.rules) body.push(`<tr><td>${esc(rule.name)}</td><td class="${rule.pass ? 'status-qualified' : 'status-disqualified'}">${rule.pass ? 'pass' : 'fail'}</td><td>${esc(rule.detail)}</td></tr>`);
    body.push('</tbody></table>');
  }

  body.push('<h2>At a glance</h2><div class="grid">');
  body.push(`<figure><figcaption>Cost vs pass rate (Pareto frontier dashed)</figcaption>${plotCostVsPass(toCostPassPoints(cards, colours, record.summary.proposed_chain), record.summary.pareto_frontier)}</figure>`);
  body.push(`<figure><figcaption>Latency per candidate</figcaption>${plotLatency(boxes)}</figure>`);
  body.push(`<figure><figcaption>Pass rate per tag</figcaption>${plotPassByTag(cards, colours)}</figure>`);
  body.push(`<figure><figcaption>Chain prediction: proposed vs baseline</figcaption>${plotChainPrediction(record.summary.chain_prediction, record.summary.baseline_prediction)}</figure>`);
  body.push('</div>');

  body.push('<h2>Proposed chain vs baseline</h2><table><thead><tr><th></th><th>proposed</th><th>baseline</th></tr></thead><tbody>');
  for (const row of buildChainComparison(record)) body.push(`<tr><td>${esc(row.metric)}</td><td>${esc(row.proposed)}</td><td>${esc(row.baseline)}</td></tr>`);
  body.push('</tbody></table>');

  body.push('<h2>Candidates</h2><table><thead><tr><th>#</th><th>candidate</th><th>model</th><th>status</th><th>pass rate (95% CI)</th><th>errors</th><th>p50</th><th>p95</th><th>cost / 1k</th><th>cost / pass</th></tr></thead><tbody>');
  const candidateRows = buildCandidateRows(record);
  for (const row of candidateRows) {
    const swatch = `<span style="color:${colours.get(row.candidate_id) ?? '#888'}">●</span>`;
    body.push(
      `<tr><td class="num">${row.position}</td><td>${swatch} <b>${esc(row.candidate_id)}</b></td><td>${esc(row.model)}</td><td class="status-${esc(row.status)}">${esc(row.status.replace(/_/g, ' '))}${row.in_chain ? ' · in chain' : ''}</td>` +
        `<td>${esc(row.pass)} <span class="meta">${esc(row.pass_interval)}</span></td><td class="num">${esc(row.errors)}</td><td class="num">${esc(row.p50)}</td><td class="num">${esc(row.p95)}</td><td class="num">${esc(row.cost_per_1k)}</td><td class="num">${esc(row.cost_per_pass)}</td></tr>`,
    );
  }
  body.push('</tbody></table>');
  for (const row of candidateRows) {
    const card = row.scorecard;
    const errors = card ? Object.entries(card.errors_by_kind).filter(([, count]) => count > 0).map(([kind, count]) => `${kind} ×${count}`).join(', ') : '';
    const validators = card ? Object.entries(card.pass_by_validator).map(([name, estimate]) => `${name} ${formatPercent(estimate.rate)}`).join(' · ') : '';
    body.push(`<details><summary>${esc(row.candidate_id)} — ${esc(row.status.replace(/_/g, ' '))}</summary><ul>`);
    for (const reason of row.reasons) body.push(`<li>${esc(reason)}</li>`);
    if (validators) body.push(`<li>by validator: ${esc(validators)}</li>`);
    if (errors) body.push(`<li>errors: ${esc(errors)}</li>`);
    body.push('</ul></details>');
  }

  const warnings = [
    ...listParameterWarnings(record).map((row) => `${row.candidate_id}: ${row.param} ${describeParameterWarning(row)}`),
    ...record.summary.warnings,
  ];
  if (warnings.length > 0) body.push(`<h2>Warnings</h2><ul class="warnings">${warnings.map((warning) => `<li>${esc(warning)}</li>`).join('')}</ul>`);

  body.push('<h2>Attempts</h2><div class="filters">');
  body.push('<input id="filter-text" type="search" placeholder="search case id or answer" aria-label="search">');
  body.push('<select id="filter-candidate" aria-label="candidate"><option value="">all candidates</option></select>');
  body.push('<select id="filter-outcome" aria-label="outcome"><option value="">any outcome</option><option value="pass">pass</option><option value="fail">fail</option><option value="error">error</option></select>');
  body.push('<select id="filter-validator" aria-label="failed validator"><option value="">any validator</option></select>');
  body.push(`<span id="attempts-count" class="meta"></span></div>`);
  if (total > rows.length) body.push(`<p class="meta">Only the first ${rows.length} of ${total} attempts are embedded; attempts.jsonl has them all.</p>`);
  body.push('<table><thead><tr><th>case</th><th>candidate</th><th>outcome</th><th>verdicts</th><th>latency</th><th>answer</th></tr></thead><tbody id="attempts-body"></tbody></table>');
  body.push('<p><button id="attempts-more" type="button" hidden>show more</button></p>');

  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="chainproof ${esc(record.tool.version)}">`,
    `<title>${esc(`${record.simulated ? '[SIMULATED] ' : ''}${title}`)}</title>`,
    `<style>${PAGE_CSS}</style></head><body><main>`,
    ...body,
    '</main>',
    `<script type="application/json" id="chainproof-data">${toScriptJson(data)}</script>`,
    `<script>${PAGE_SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
