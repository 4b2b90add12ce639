// Throughput of the simulator at zero latency: small OpenAI chat requests, JSON and streaming.
// The server runs in its own process, pinned to one core when `taskset` exists. Two figures:
// wall-clock req/s (depends on what else the machine runs) and requests per CPU-second of the
// server process (what one free core would serve).
// Run: npm run build && node bench/simulator-throughput.mjs   (BENCH_SECONDS, BENCH_CONNECTIONS)
import { fork, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
const serverScript = fileURLToPath(new URL('./simulator-server.mjs', import.meta.url));
const child = fork(serverScript, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const [{ url }] = await once(child, 'message');
const pinned = spawnSync('taskset', ['-cp', '0', String(child.pid)]).status === 0;

async function readCpuSeconds() {
  child.send('cpu');
  const [{ cpu }] = await once(child, 'message');
  return (cpu.user + cpu.system) / 1e6;
}

function body(stream) {
  // One body for every request: each repeat of an identical body is a new throw of the dice anyway.
  return JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: 'How do I reset my password?' }], ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) });
}

async function measure(label, stream) {
  const cpuBefore = await readCpuSeconds();
  const result = await autocannon({
    url: `${url}/v1/chat/completions`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: body(stream),
    connections,
    duration,
  });
  const cpuSeconds = (await readCpuSeconds()) - cpuBefore;
  const perCpuSecond = result.requests.total / cpuSeconds;
  const okShare = result['2xx'] / Math.max(1, result.requests.total);
  console.log(
    `${label.padEnd(7)} ${Math.round(result.requests.average)} req/s wall, ${Math.round(perCpuSecond)} req per server CPU-second ` +
      `(latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ${result.requests.total} requests, ${(okShare * 100).toFixed(1)}% 2xx, ${result.errors} errors)`,
  );
  return perCpuSecond;
}

console.log(`simulator at ${url}; server ${pinned ? 'pinned to one core (taskset)' : 'not pinned (no taskset)'}; ${connections} connections, ${duration}s per run, node ${process.version}`);
const json = await measure('json', false);
const sse = await measure('stream', true);
child.send('stop');
const target = 5000;
console.log(`target ${target} req/s on one core (per server CPU-second): ${json >= target && sse >= target ? 'met' : 'NOT met'}`);
