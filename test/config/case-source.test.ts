import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCaseSource } from '../../src/config/case-source.js';
import { loadSuite } from '../../src/config/load-suite.js';
import { UserInputError } from '../../src/core/errors.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('openCaseSource', () => {
  it('names the suite line and field of a missing dataset, and where it looked', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'chainproof-cases-'));
    const file = path.join(dir, 's.yaml');
    await writeFile(file, 'name: x\ndatasets:\n  - path: here.jsonl\n  - path: missing.jsonl\ncandidates:\n  - {id: a, provider: simulated, model: m}\n');
    await writeFile(path.join(dir, 'here.jsonl'), '{"id":"c1","request":{"messages":[{"role":"user","content":"hi"}]}}\n');
    const loaded = await loadSuite(file);
    const error = await openCaseSource(loaded).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UserInputError);
    const text = (error as UserInputError).format();
    expect(text).toContain(`${file}:4`);
    expect(text).toContain('datasets[1].path');
    expect(text).toContain(path.join(dir, 'missing.jsonl'));
  });
});
