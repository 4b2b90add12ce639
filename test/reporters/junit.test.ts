import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/reporters/junit.js';
import { escapeXml } from '../../src/reporters/escape.js';
import { cloneRecord, DEMO_RUN, HOSTILE_ANSWER, loadRun } from '../helpers/run-fixtures.js';

const { record, attempts } = await loadRun(DEMO_RUN);

interface ParsedCase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_message': string };
  skipped?: unknown;
  'system-out'?: string;
}

function parse(xml: string): { suites: Array<{ '@_name': string; '@_tests': string; '@_failures': string; testcase: ParsedCase[] }> } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase', processEntities: true });
  const document = parser.parse(xml) as { testsuites: { testsuite: Array<{ '@_name': string; '@_tests': string; '@_failures': string; testcase: ParsedCase[] }> } };
  return { suites: document.testsuites.testsuite };
}

describe('renderJunit', () => {
  it('has one test per candidate × validator plus one qualification test per candidate', async () => {
    const { suites } = parse(await renderJunit(record, attempts));
    expect(suites).toHaveLength(1);
    const cases = suites[0]!.testcase;
    expect(cases).toHaveLength(5 * (record.validators.length + 1));
    expect(Number(suites[0]!['@_tests'])).toBe(cases.length);
    const names = cases.map((test) => `${test['@_classname']}/${test['@_name']}`);
    expect(names).toContain('candidate.gpt4o/validator.json-schema');
    expect(names).toContain('candidate.llama-groq/validator.safety');
  });

  it('fails the validator that cost a disqualified candidate its place, and skips not-enough-evidence', async () => {
    const cases = parse(await renderJunit(record, attempts)).suites[0]!.testcase;
    const find = (classname: string, name: string) => cases.find((test) => test['@_classname'] === classname && test['@_name'] === name)!;
    expect(find('candidate.mistral-small', 'validator.json-schema').failure?.['@_message']).toMatch(/json-schema: 80\.0%.* vs primary 93\.3%/);
    expect(find('candidate.mistral-small', 'qualification').failure?.['@_message']).toMatch(/^disqualified: pass rate 23 points/);
    expect(find('candidate.llama-groq', 'qualification').skipped).toBeDefined();
    expect(find('candidate.sonnet', 'validator.json-schema').failure).toBeUndefined();
    expect(find('candidate.gpt4o', 'validator.json-schema').failure).toBeUndefined();
  });

  it('adds a test per gate rule', async () => {
    const gate = { pass: false, rules: [{ name: 'non-inferiority', pass: true, detail: 'ok' }, { name: 'cost <guard>', pass: false, detail: 'ratio 1.4 & rising' }] };
    const { suites } = parse(await renderJunit(record, attempts, { gate }));
    expect(suites).toHaveLength(2);
    const rules = suites[1]!.testcase;
    expect(rules.map((test) => test['@_name'])).toEqual(['non-inferiority', 'cost <guard>']);
    expect(rules[1]!.failure?.['@_message']).toBe('ratio 1.4 & rising');
    expect(suites[1]!['@_failures']).toBe('1');
  });

  it('carries hostile model output as text and survives control characters', async () => {
    const hostile = structuredClone(attempts);
    const target = hostile.find((attempt) => attempt.candidate_id === 'mistral-small' && attempt.case_id === 't-0008')!;
    target.output = `${HOSTILE_ANSWER}\u0000\u001b]]>`;
    const xml = await renderJunit(cloneRecord(record), hostile);
    const test = parse(xml).suites[0]!.testcase.find((entry) => entry['@_classname'] === 'candidate.mistral-small' && entry['@_name'] === 'validator.json-schema')!;
    expect(test['system-out']).toContain('</script><script>window.__pwned = 1</script>');
    expect(xml).not.toContain('\u0000');
  });
});

describe('escapeXml', () => {
  it('replaces characters XML 1.0 cannot hold and keeps surrogate pairs', () => {
    expect(escapeXml('a\u0001b<c>&😀\uD800')).toBe('a\uFFFDb&lt;c&gt;&amp;😀\uFFFD');
  });
});
