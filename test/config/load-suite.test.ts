import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuite, parseSuiteText } from '../../src/config/load-suite.js';
import { UserInputError } from '../../src/core/errors.js';

const MINIMAL = `name: t
datasets: [{path: cases.jsonl}]
candidates:
  - id: a
    provider: openai
    model: gpt-4o-mini
`;

function captureError(run: () => unknown): UserInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error('expected a UserInputError');
}

describe('parseSuiteText', () => {
  it('fills defaults for a minimal suite', () => {
    const suite = parseSuiteText(MINIMAL, 's.yaml');
    expect(suite.run.concurrency).toBe(16);
    expect(suite.qualify.margin).toBe(0.03);
    expect(suite.validators).toEqual(['json-schema']);
  });

  it('names file, line, column and field path of a misspelled nested key, with a suggestion', () => {
    const text = MINIMAL + '    pric: {input_per_mtok: 1, output_per_mtok: 2}\n';
    const error = captureError(() => parseSuiteText(text, 'suites/x.yaml'));
    expect(error.exitCode).toBe(2);
    const message = error.format();
    expect(message).toContain('suites/x.yaml:7:5 candidates[0].pric: unknown key "pric"');
    expect(message).toContain('Did you mean "price"?');
  });

  it('reports a misspelled top-level key', () => {
    const error = captureError(() => parseSuiteText(MINIMAL + 'qualfy: {margin: 0.1}\n', 'x.yaml'));
    expect(error.format()).toContain('x.yaml:7:1 qualfy: unknown key "qualfy" — Did you mean "qualify"?');
  });

  it('lists every problem, not only the first', () => {
    const text = MINIMAL.replace('provider: openai', 'provider: opnai') + 'run: {concurency: 4}\n';
    const error = captureError(() => parseSuiteText(text, 'x.yaml'));
    expect(error.message).toBe('the suite has 2 problems:');
    expect(error.details).toHaveLength(2);
    expect(error.format()).toMatch(/x\.yaml:5:5 candidates\[0\]\.provider: .*Did you mean "openai"\?/);
    expect(error.format()).toContain('run.concurency: unknown key "concurency" — Did you mean "concurrency"?');
  });

  it('rejects duplicate ids and unknown baseline members by path', () => {
    const text = MINIMAL + '  - id: a\n    provider: anthropic\n    model: claude\nbaseline_chain: [a, b]\n';
    const message = captureError(() => parseSuiteText(text, 'x.yaml')).format();
    expect(message).toContain('candidates[1].id: duplicate candidate id "a"');
    expect(message).toContain('baseline_chain[1]: unknown candidate "b"');
  });

  it('points at the line of a YAML syntax error', () => {
    const error = captureError(() => parseSuiteText('name: t\ncandidates: [a, b\n', 'x.yaml'));
    expect(error.location?.file).toBe('x.yaml');
    expect(error.location?.line).toBeGreaterThanOrEqual(2);
    expect(error.message).toContain('not valid YAML');
  });

  it('reads JSON suites too', () => {
    const suite = parseSuiteText(JSON.stringify({ name: 'j', datasets: [{ path: 'a.jsonl' }], candidates: [{ id: 'a', provider: 'openai', model: 'm' }] }), 's.json');
    expect(suite.name).toBe('j');
  });

  it('requires simulate only on simulated candidates and base_url on openai-compatible', () => {
    const text = MINIMAL.replace('provider: openai', 'provider: openai-compatible') + '    simulate: {quality: 0.5}\n';
    const message = captureError(() => parseSuiteText(text, 'x.yaml')).format();
    expect(message).toContain('candidates[0].simulate: `simulate` is only for provider: simulated');
    expect(message).toContain('candidates[0].base_url: provider openai-compatible needs a base_url');
  });
});

describe('loadSuite', () => {
  it('says which file is missing', async () => {
    await expect(loadSuite('nope.suite.yaml', tmpdir())).rejects.toThrow('suite file not found: nope.suite.yaml');
  });

  it('loads the demo suite with its digest and base directory', async () => {
    const loaded = await loadSuite('suites/demo.suite.yaml');
    expect(loaded.suite.candidates.map((candidate) => candidate.id)).toEqual(['sonnet', 'gpt4o', 'deepseek', 'flash-mini']);
    expect(loaded.baseDir).toBe(path.resolve('suites'));
    expect(loaded.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a suite from disk relative to cwd', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-suite-'));
    writeFileSync(path.join(dir, 's.yaml'), MINIMAL);
    const loaded = await loadSuite('s.yaml', dir);
    expect(loaded.absolutePath).toBe(path.join(dir, 's.yaml'));
    expect(readFileSync(loaded.absolutePath, 'utf8')).toBe(MINIMAL);
  });
});
