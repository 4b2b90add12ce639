/**
 * The inline CSS and JS of the HTML report. The script only reads the embedded JSON and builds the
 * attempts table with `textContent`: model output never passes through an HTML parser. The page's
 * Content-Security-Policy allows this script by its hash and nothing else, and no network at all.
 */
import { createHash } from 'node:crypto';

export const PAGE_CSS = `
:root { --fg: #1d2433; --muted: #5b6578; --line: #d9dee7; --bg: #f6f7f9; --ok: #2f7d32; --bad: #c62828; --warn: #8a6d00; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1200px; margin: 0 auto; padding: 20px 24px 60px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 10px; }
.meta { color: var(--muted); font-size: 12px; }
.banner { margin: 14px 0; padding: 10px 14px; border-radius: 6px; font-weight: 600; }
.banner.simulated { background: #fff3cd; border: 2px solid #e0a800; color: #5c4400; font-size: 16px; letter-spacing: .02em; }
.banner.incomplete { background: #fde2e1; border: 1px solid var(--bad); color: #7a1a17; }
.verdict { font-size: 18px; font-weight: 600; padding: 12px 14px; border-radius: 6px; background: #fff; border-left: 6px solid var(--ok); }
.verdict.bad { border-left-color: var(--bad); }
.chain { margin: 10px 0 0; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.pill { background: #fff; border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px; font-weight: 600; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 16px; }
figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px; overflow-x: auto; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.plot { font: 11px system-ui, sans-serif; max-width: 100%; height: auto; }
svg .grid { stroke: #eceff4; } svg .tick { fill: var(--muted); font-size: 10px; } svg .axis-label { fill: var(--muted); }
svg .whisker { stroke-width: 2; } svg .frontier { fill: none; stroke: #333; stroke-dasharray: 5 4; stroke-width: 1.5; }
svg .point-label { font-weight: 600; } svg .note, svg .legend { fill: var(--muted); font-size: 10px; } svg .band { fill: #eef1f5; fill-opacity: .45; }
svg .panel-title { font-weight: 600; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef1f5; font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.status-primary, .status-qualified { color: var(--ok); font-weight: 600; } .status-disqualified, .status-worse { color: var(--bad); font-weight: 600; }
.status-not_enough_evidence { color: var(--warn); font-weight: 600; }
details { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
summary { cursor: pointer; font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; align-items: center; }
.filters input, .filters select, button { font: inherit; padding: 4px 6px; }
pre.answer { min-width: 380px; margin: 0; max-height: 160px; overflow: auto; white-space: pre-wrap; word-break: break-word; font-size: 12px; background: #f7f8fa; padding: 4px 6px; }
.v { display: inline-block; margin: 0 4px 2px 0; padding: 0 6px; border-radius: 3px; font-size: 12px; }
.v.pass { background: #e3f3e4; color: var(--ok); } .v.fail { background: #fde2e1; color: var(--bad); }
.outcome-pass { color: var(--ok); } .outcome-fail, .outcome-error { color: var(--bad); }
.reason { color: var(--muted); font-size: 12px; display: block; }
ul.warnings li { margin: 2px 0; }
#attempts-body td:first-child { white-space: nowrap; }
`;

export const PAGE_SCRIPT = `(function () {
  'use strict';
  var source = document.getElementById('chainproof-data');
  var data = JSON.parse(source.textContent);
  var attempts = data.attempts || [];
  var body = document.getElementById('attempts-body');
  var count = document.getElementById('attempts-count');
  var more = document.getElementById('attempts-more');
  var search = document.getElementById('filter-text');
  var candidate = document.getElementById('filter-candidate');
  var outcome = document.getElementById('filter-outcome');
  var validator = document.getElementById('filter-validator');
  var PAGE = 100;
  var shown = PAGE;
  function fill(select, values) {
    values.forEach(function (value) { var option = document.createElement('option'); option.value = value; option.textContent = value; select.appendChild(option); });
  }
  var candidates = []; var validators = [];
  attempts.forEach(function (a) {
    if (candidates.indexOf(a.candidate) < 0) candidates.push(a.candidate);
    a.verdicts.forEach(function (v) { if (validators.indexOf(v.validator) < 0) validators.push(v.validator); });
  });
  fill(candidate, candidates); fill(validator, validators.sort());
  function cell(row, text, className) { var td = document.createElement('td'); td.textContent = text; if (className) td.className = className; row.appendChild(td); return td; }
  function matches(a) {
    if (candidate.value && a.candidate !== candidate.value) return false;
    if (outcome.value && a.outcome !== outcome.value) return false;
    if (validator.value && !a.verdicts.some(function (v) { return v.validator === validator.value && !v.pass; })) return false;
    var needle = search.value.trim().toLowerCase();
    if (needle && (a.case + ' ' + a.output + ' ' + (a.error || '')).toLowerCase().indexOf(needle) < 0) return false;
    return true;
  }
  function render() {
    var rows = attempts.filter(matches);
    body.replaceChildren();
    rows.slice(0, shown).forEach(function (a) {
      var row = document.createElement('tr');
      cell(row, a.case + (a.repeat > 0 ? ' #' + a.repeat : ''));
      cell(row, a.candidate);
      cell(row, a.outcome, 'outcome-' + a.outcome);
      var verdicts = cell(row, '');
      if (a.error) { var error = document.createElement('span'); error.className = 'v fail'; error.textContent = a.error; verdicts.appendChild(error); }
      a.verdicts.forEach(function (v) {
        var badge = document.createElement('span'); badge.className = 'v ' + (v.pass ? 'pass' : 'fail'); badge.textContent = (v.pass ? '✔ ' : '✘ ') + v.validator; verdicts.appendChild(badge);
        if (!v.pass && v.reason) { var reason = document.createElement('span'); reason.className = 'reason'; reason.textContent = v.reason; verdicts.appendChild(reason); }
      });
      a.warnings.forEach(function (w) { var warn = document.createElement('span'); warn.className = 'reason'; warn.textContent = '⚠ ' + w; verdicts.appendChild(warn); });
      cell(row, Math.round(a.latency_ms) + ' ms', 'num');
      var answer = cell(row, '');
      var pre = document.createElement('pre'); pre.className = 'answer'; pre.textContent = a.output + (a.truncated ? ' …(cut)' : ''); answer.appendChild(pre);
      body.appendChild(row);
    });
    count.textContent = Math.min(shown, rows.length) + ' of ' + rows.length + ' matching attempts (' + attempts.length + ' in the run)';
    more.hidden = rows.length <= shown;
  }
  [search, candidate, outcome, validator].forEach(function (input) { input.addEventListener('input', function () { shown = PAGE; render(); }); });
  more.addEventListener('click', function () { shown += PAGE; render(); });
  render();
})();`;

/** `sha256-…` of the script, for the Content-Security-Policy. */
export function hashScript(script: string): string {
  return `sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}`;
}
