import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSuiteText } from '../../src/config/load-suite.js';
import { parseDatasetLine } from '../../src/config/read-dataset.js';

const readme = readFileSync('README.md', 'utf8');

function fenced(language: string, startsWith: string): string {
  const start = readme.indexOf('```' + language + '\n' + startsWith);
  expect(start, `README has a ${language} block starting with ${startsWith}`).toBeGreaterThanOrEqual(0);
  const body = readme.slice(start + language.length + 4);
  return body.slice(0, body.indexOf('```'));
}

describe('README examples stay valid', () => {
  it('the suite example passes the suite schema', () => {
    const suite = parseSuiteText(fenced('yaml', 'name: support-bot'), 'README.md');
    expect(suite.baseline_chain).toEqual(['sonnet', 'gpt4o']);
  });

  it('the dataset line example is a valid case', () => {
    const line = fenced('json', '{"id": "t-0042"').replace(/\n\s*/g, ' ');
    const result = parseDatasetLine(line, 'README.md', 1);
    expect('case' in result ? result.case.id : result.problem.message).toBe('t-0042');
  });
});
