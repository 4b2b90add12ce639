import { describe, expect, it } from 'vitest';
import { REPORTERS, isReportFormat } from '../../src/reporters/index.js';
import { renderJson, SUMMARY_KIND } from '../../src/reporters/json.js';
import { renderTerminal } from '../../src/reporters/terminal.js';
import { cloneRecord, DEMO_RUN, loadRun } from '../helpers/run-fixtures.js';

const { record, attempts } = await loadRun(DEMO_RUN);
const ESC = '\u001b[';

describe('renderTerminal', () => {
  it('prints the ranked candidates and the chain comparison without colour by default', async () => {
    const text = await renderTerminal(record);
    expect(text).not.toContain(ESC);
    expect(text).toContain('SIMULATED RUN');
    expect(text).toMatch(/│ 1 │ sonnet\s+│ simulated\/claude-sonnet-4-5/);
    expect(text).toMatch(/│ chain\s+│ sonnet → gpt4o → deepseek\s+│ sonnet → gpt4o/);
    expect(text.indexOf('sonnet ')).toBeLessThan(text.indexOf('llama-groq'));
  });

  it('colours only when asked', async () => {
    expect(await renderTerminal(record, undefined, { color: true })).toContain(`${ESC}32m`);
  });

  it('strips control characters a suite name could use to drive the terminal', async () => {
    const hostile = cloneRecord(record);
    hostile.suite.name = 'evil\u001b[2J\u0007';
    expect(await renderTerminal(hostile)).not.toMatch(/\u001b|\u0007/);
  });
});

describe('renderJson', () => {
  it('is a versioned summary without the attempts', async () => {
    const parsed = JSON.parse(await renderJson(record, attempts)) as Record<string, unknown>;
    expect(parsed).toMatchObject({ kind: SUMMARY_KIND, schema_version: 1, simulated: true, proposed_chain: ['sonnet', 'gpt4o', 'deepseek'] });
    expect((parsed.summary as { scorecards: unknown[] }).scorecards).toHaveLength(5);
    expect(JSON.stringify(parsed)).not.toContain('__pwned');
  });
});

describe('the reporter map', () => {
  it('names every format the CLI offers', () => {
    expect(Object.keys(REPORTERS).sort()).toEqual(['html', 'json', 'junit', 'md', 'table']);
    expect(isReportFormat('md')).toBe(true);
    expect(isReportFormat('toString')).toBe(false);
  });
});
