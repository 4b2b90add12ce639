import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import { escapeMarkdownCell } from '../../src/reporters/escape.js';
import { cloneRecord, DEMO_RUN, loadRun } from '../helpers/run-fixtures.js';

const { record, attempts } = await loadRun(DEMO_RUN);

/** Columns of a markdown table row, honouring `\|` escapes. */
function columns(row: string): number {
  return row.replace(/\\\|/g, '').split('|').length - 2;
}

describe('renderMarkdown', () => {
  it('leads with the verdict, then says SIMULATED prominently', async () => {
    const markdown = await renderMarkdown(record, attempts);
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## ✅ 3 of 5 candidates qualified: proposed chain sonnet → gpt4o → deepseek');
    expect(markdown.indexOf('SIMULATED RUN')).toBeLessThan(markdown.indexOf('### Candidates'));
    expect(markdown).toMatch(/> \*\*SIMULATED RUN/);
  });

  it('shows "no answers", not 0.0%, for a candidate whose every request errored, and "no price" for an unpriced one', async () => {
    const broken = cloneRecord(record);
    const card = broken.summary.scorecards[1]!;
    card.pass = { k: 0, n: 0, rate: 0, interval: { low: 0, high: 1 } };
    card.cost_unknown = true;
    const markdown = await renderMarkdown(broken, attempts);
    const row = markdown.split('\n').find((line) => line.includes(`**${card.candidate_id}**`) && line.startsWith('|'))!;
    expect(row).toContain('| no answers |');
    expect(row).not.toContain('0.0%–100.0%');
    expect(row).toMatch(/\| no price \| no price \|$/);
  });

  it('does not claim simulation for a real run', async () => {
    const real = cloneRecord(record);
    real.simulated = false;
    expect(await renderMarkdown(real, attempts)).not.toContain('SIMULATED');
  });

  it('compares the proposed chain with the baseline', async () => {
    const markdown = await renderMarkdown(record, attempts);
    expect(markdown).toContain('| chain | sonnet → gpt4o → deepseek | sonnet → gpt4o |');
    expect(markdown).toContain('| predicted success | 92.7% | 92.1% |');
  });

  it('has one candidates table with a row per candidate, every row the same width', async () => {
    const markdown = await renderMarkdown(record, attempts);
    const section = markdown.slice(markdown.indexOf('### Candidates'), markdown.indexOf('<details>'));
    const rows = section.split('\n').filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(2 + 5);
    for (const row of rows) expect(columns(row)).toBe(9);
    expect(markdown.match(/### Candidates/g)).toHaveLength(1);
  });

  it('lists failing cases per candidate in collapsed details, hostile answers escaped', async () => {
    const markdown = await renderMarkdown(record, attempts);
    expect(markdown.match(/<details>/g)).toHaveLength(5);
    const mistral = markdown.slice(markdown.indexOf('<b>mistral-small</b>'));
    const hostileRow = mistral.split('\n').find((line) => line.startsWith('| t-0008 |'))!;
    expect(hostileRow).toContain('json-schema');
    expect(hostileRow).toContain('&lt;script&gt;');
    expect(columns(hostileRow)).toBe(4);
    expect(markdown).not.toMatch(/<script|<img|onerror="/);
    expect(markdown).not.toContain('@everyone');
  });

  it('warns about parameters that were dropped', async () => {
    const markdown = await renderMarkdown(record, attempts);
    expect(markdown).toContain('### Warnings');
    expect(markdown).toMatch(/\*\*llama-groq\*\*: `response_format` could not be honoured \(dropped, or only asked for in the prompt\) on 60 of 60 attempts/);
    expect(markdown).toMatch(/`response_format` unsupported on 60 attempts: json\\_schema is not supported/);
  });

  it('leads with the gate when one ran', async () => {
    const markdown = await renderMarkdown(record, attempts, {
      gate: { pass: false, rules: [{ name: 'non-inferiority', pass: true, detail: 'L = −1.2 pts > −3' }, { name: 'latency', pass: false, detail: 'p95 ratio 1.31 > 1.2' }] },
    });
    expect(markdown.split('\n')[0]).toBe('## ❌ Gate failed: latency');
    expect(markdown).toContain('| latency | ❌ fail | p95 ratio 1.31 &gt; 1.2 |');
  });

  it('says so when nothing qualified', async () => {
    const none = cloneRecord(record);
    none.summary.proposed_chain = [];
    expect((await renderMarkdown(none, [])).split('\n')[0]).toBe('## ❌ No candidate qualified (0 of 5)');
  });
});

describe('escapeMarkdownCell', () => {
  it('keeps markup, pipes, mentions and newlines inert', () => {
    expect(escapeMarkdownCell('a|b\n<b>x</b> @team [l](u)')).toBe('a\\|b &lt;b&gt;x&lt;/b&gt; &#64;team \\[l\\]\\(u\\)');
  });
  it('leaves the entities it writes intact and control characters out', () => {
    expect(escapeMarkdownCell(`I can't "do" #1 & more`)).toBe('I can&#39;t &quot;do&quot; \\#1 &amp; more');
    expect(escapeMarkdownCell('red\x1b[31m\x07')).toBe('red\uFFFD\\[31m\uFFFD');
  });
});
