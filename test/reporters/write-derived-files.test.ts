import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/record/write-run.js';
import { writeDerivedFiles } from '../../src/reporters/write-derived-files.js';
import { DEMO_RUN, loadRun, REAL_RUN } from '../helpers/run-fixtures.js';

async function copyRun(source: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-derived-'));
  await cp(source, dir, { recursive: true });
  return dir;
}

describe('writeDerivedFiles', () => {
  it('writes the reports, chain.json and every gateway export of a real run, leaving no temporary file', async () => {
    const dir = await copyRun(REAL_RUN);
    const { record, attempts } = await loadRun(dir);
    const result = await writeDerivedFiles(dir, record, attempts, { env: {} });
    expect(result.written).toEqual(['report.md', 'report.html', 'junit.xml', 'chain.json', 'exports/litellm.yaml', 'exports/portkey.json', 'exports/openrouter.json']);
    expect(result.skipped).toEqual([]);
    const files = [...(await readdir(dir)), ...(await readdir(path.join(dir, 'exports')))];
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(await readFile(path.join(dir, 'report.md'), 'utf8')).toMatch(/^## ✅ 3 of 5 candidates qualified/);
  });

  it('streams attempts.jsonl when no attempts are passed, and skips exports that cannot be made', async () => {
    const dir = await copyRun(DEMO_RUN);
    const { record } = await loadRun(dir);
    const result = await writeDerivedFiles(dir, record, undefined, { env: {} });
    expect(result.skipped).toEqual([{ format: 'openrouter', reason: expect.stringMatching(/primary "sonnet" \(simulated\) has no OpenRouter model id/) }]);
    const html = await readFile(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('"attempts_total":300');
  });

  it('writes no export that would contain a secret from the environment', async () => {
    const dir = await copyRun(REAL_RUN);
    const { record, attempts } = await loadRun(dir);
    record.candidates[0]!.params = { max_tokens: 1024, stop: 'sk-live-abcdef123456' };
    const result = await writeDerivedFiles(dir, record, attempts, { env: { ANTHROPIC_API_KEY: 'sk-live-abcdef123456' } });
    expect(result.skipped.map((entry) => entry.format)).toEqual(['native', 'litellm', 'portkey']);
    expect(result.written).not.toContain('exports/portkey.json');
  });

  it('replaces a file whole', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-atomic-'));
    const file = path.join(dir, 'nested', 'a.txt');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(path.join(dir, 'nested'))).toEqual(['a.txt']);
  });
});
