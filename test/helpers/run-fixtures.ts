/** Hand-made run records (test/fixtures/runs, built by build-fixtures.mjs) and a captured CLI io. */
import { Writable } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectAttempts, readRunAttempts, readRunRecord } from '../../src/record/read-run.js';
import type { Attempt } from '../../src/core/types.js';
import type { RunRecordFile } from '../../src/record/types.js';
import type { CliIO } from '../../src/cli/command.js';

export const FIXTURE_RUNS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'runs');
export const DEMO_RUN = path.join(FIXTURE_RUNS, 'demo');
export const REAL_RUN = path.join(FIXTURE_RUNS, 'real');

export const HOSTILE_ANSWER = '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

export async function loadRun(dir: string): Promise<{ record: RunRecordFile; attempts: Attempt[] }> {
  return { record: await readRunRecord(dir), attempts: await collectAttempts(readRunAttempts(dir)) };
}

export function cloneRecord(record: RunRecordFile): RunRecordFile {
  return structuredClone(record);
}

export interface CapturedIO extends CliIO {
  out(): string;
  err(): string;
}

export function captureIO(cwd: string, env: NodeJS.ProcessEnv = {}, isTTY = false): CapturedIO {
  const chunks = { out: [] as string[], err: [] as string[] };
  const sink = (target: string[]) =>
    Object.assign(
      new Writable({
        write(chunk, _encoding, callback) {
          target.push(String(chunk));
          callback();
        },
      }),
      { isTTY },
    );
  return {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    env,
    cwd,
    out: () => chunks.out.join(''),
    err: () => chunks.err.join(''),
  };
}
