#!/usr/bin/env node
/**
 * `npm run bench` (after the build the script runs first): the end-to-end run benchmark — the
 * whole `chainproof run` pipeline on the simulator at a fixed latency (6,000 calls, concurrency
 * 16, 50 ms), at zero latency, and a 100,000-case run for memory. Each prints calls, wall, ideal
 * (calls × latency / concurrency), their ratio, calls/s and peak RSS.
 *
 *   npm run bench                 the end-to-end run benchmark
 *   npm run bench -- --all        also the simulator, validators, safety, scoring and sampling benches
 *   npm run bench -- NAME...      only those: e2e, runner, runner-sim, simulator, validators, safety, scoring, sample
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHES = {
  e2e: ['runner-e2e-bench.mjs'],
  runner: ['runner-bench.mjs'],
  'runner-sim': ['runner-sim-bench.mjs'],
  simulator: ['simulator-throughput.mjs'],
  validators: ['validators-bench.mjs', '--seconds', '3'],
  safety: ['safety.bench.mjs', '3'],
  scoring: ['scoring-bench.mjs'],
  sample: ['sample.bench.mjs', '1024'],
};

const args = process.argv.slice(2);
const unknown = args.filter((name) => name !== '--all' && !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench: ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')}, --all)`);
  process.exit(2);
}
const chosen = args.includes('--all') ? Object.keys(BENCHES) : args.length > 0 ? args : ['e2e'];
let failed = 0;
for (const name of chosen) {
  const [script, ...rest] = BENCHES[name];
  console.log(`\n=== ${name}: node bench/${script} ${rest.join(' ')}`);
  const result = spawnSync(process.execPath, [path.join(here, script), ...rest], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
