/**
 * A real run process killed with SIGKILL at random moments, resumed from its attempt log until it
 * finishes: the log must hold exactly the attempt set of an uninterrupted run, none lost, none
 * doubled. Runs the built code (dist/): `npm run build` first (CI builds on install).
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { appendFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexAttemptLog, readAttempts } from '../../src/record/attempt-log.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const worker = path.join(here, 'fixtures', 'kill-worker.mjs');
const built = existsSync(path.resolve(here, '..', '..', 'dist', 'runner', 'index.js'));
if (!built) console.warn('kill-resume tests skipped: dist/ is missing, run `npm run build` first');

const CASES = 120;
const REPEAT = 2;
const CANDIDATES = ['alpha', 'beta', 'gamma'];

/** Seeded, so a failure reproduces: mulberry32. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type KillPlan = { afterMs: number } | { afterGrowthOf: string; extraMs: number };

function runWorker(args: string[], kill?: KillPlan): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let done = false;
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    if (kill && 'afterMs' in kill) setTimeout(() => !done && child.kill('SIGKILL'), kill.afterMs);
    if (kill && 'afterGrowthOf' in kill) {
      // Kill while attempts are being written: once the log has grown, after a random extra delay.
      const initial = existsSync(kill.afterGrowthOf) ? statSync(kill.afterGrowthOf).size : 0;
      const poll = setInterval(() => {
        if (done) return clearInterval(poll);
        if ((existsSync(kill.afterGrowthOf) ? statSync(kill.afterGrowthOf).size : 0) > initial) {
          clearInterval(poll);
          setTimeout(() => !done && child.kill('SIGKILL'), kill.extraMs);
        }
      }, 2);
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      done = true;
      resolve({ code, signal, stdout });
    });
  });
}

async function readLog(file: string): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  for await (const attempt of readAttempts(file)) {
    const key = `${attempt.case_id}|${attempt.candidate_id}|${attempt.repeat}`;
    expect(seen.has(key), `attempt ${key} written twice`).toBe(false);
    seen.set(key, attempt.output);
  }
  return seen;
}

function expectedAttempts(): Map<string, string> {
  const expected = new Map<string, string>();
  for (let index = 0; index < CASES; index += 1) {
    for (const candidate of CANDIDATES) {
      for (let repeat = 0; repeat < REPEAT; repeat += 1) expected.set(`case-${index}|${candidate}|${repeat}`, `${candidate}:case-${index}:${repeat}`);
    }
  }
  return expected;
}

describe.skipIf(!built)('kill -9 and resume', () => {
  it('after SIGKILLs at random moments (and a torn write), resuming yields exactly one attempt per key', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'chainproof-kill-'));
    const file = path.join(directory, 'attempts.jsonl');
    const random = createRandom(20_261_125);
    let kills = 0;
    let midRunKills = 0;
    for (let round = 0; round < 12; round += 1) {
      // Some kills at a random time (maybe before the first write), most while attempts are being written.
      const plan: KillPlan = round % 4 === 0 ? { afterMs: Math.floor(random() * 300) } : { afterGrowthOf: file, extraMs: Math.floor(random() * 40) };
      const result = await runWorker([file, String(CASES), String(REPEAT)], plan);
      if (result.signal !== 'SIGKILL') {
        expect(result.code).toBe(0);
        break;
      }
      kills += 1;
      const written = (await indexAttemptLog(file)).count;
      if (written > 0 && written < CASES * CANDIDATES.length * REPEAT) midRunKills += 1;
      // What a kill in the middle of a write leaves behind.
      if (round % 3 === 1) await appendFile(file, '{"case_id":"case-99","candidate_id":"al');
    }
    expect((await runWorker([file, String(CASES), String(REPEAT)])).code).toBe(0);
    // Once complete, a resume has nothing left to do.
    const again = await runWorker([file, String(CASES), String(REPEAT)]);
    expect(JSON.parse(again.stdout)).toMatchObject({ calls: 0, attemptsWritten: 0, skipped: CASES * CANDIDATES.length * REPEAT });
    expect(kills).toBeGreaterThan(0);
    // At least one kill landed while attempts were being written.
    expect(midRunKills).toBeGreaterThan(0);
    expect(await readLog(file)).toEqual(expectedAttempts());
  });

  it('shards 1/3, 2/3, 3/3 together hold exactly the attempts of the unsharded run', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'chainproof-shard-'));
    const whole = path.join(directory, 'whole.jsonl');
    expect((await runWorker([whole, String(CASES), String(REPEAT)])).code).toBe(0);
    const union = new Map<string, string>();
    const sizes: number[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const file = path.join(directory, `shard-${shard.replace('/', '-')}.jsonl`);
      expect((await runWorker([file, String(CASES), String(REPEAT), shard])).code).toBe(0);
      const attempts = await readLog(file);
      sizes.push(attempts.size);
      for (const [key, output] of attempts) {
        expect(union.has(key), `${key} in two shards`).toBe(false);
        union.set(key, output);
      }
    }
    expect(union).toEqual(await readLog(whole));
    // Balanced enough to be worth spreading over a CI matrix.
    for (const size of sizes) expect(size).toBeGreaterThan(CASES * CANDIDATES.length * REPEAT * 0.2);
  });
});
