// Throughput of the simulator at zero latency: small OpenAI chat requests, JSON and streaming,
// with the server pinned to one core when `taskset` exists.
// Run: npm run build && node bench/simulator-throughput.mjs   (BENCH_SECONDS, BENCH_CONNECTIONS)
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const duration = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
const serverScript = fileURLToPath(new URL('./simulator-server.mjs', import.meta.url));
const pinned = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const command = pinned ? ['taskset', ['-c', '0', process.execPath, serverScript]] : [process.execPath, [serverScript]];
const child = spawn(command[0], command[1], { stdio: ['ignore', 'pipe', 'inherit'] });
const [firstLine] = await once(child.stdout, 'data');
const url = String(firstLine).trim();

function body(stream) {
  // One body for every request: each repeat of an identical body is a new throw of the dice anyway.
  return JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: 'How do I reset my password?' }], ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) });
}

async function measure(label, stream) {
  const result = await autocannon({
    url: `${url}/v1/chat/completions`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: body(stream),
    connections,
    duration,
  });
  const okShare = result['2xx'] / Math.max(1, result.requests.total);
  console.log(`${label.padEnd(7)} ${Math.round(result.requests.average)} req/s average (latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ${result.requests.total} requests, ${(okShare * 100).toFixed(1)}% 2xx, ${result.errors} errors)`);
  return result.requests.average;
}

console.log(`simulator at ${url}; server ${pinned ? 'pinned to one core (taskset -c 0)' : 'not pinned (no taskset)'}; ${connections} connections, ${duration}s per run, node ${process.version}`);
const json = await measure('json', false);
const sse = await measure('stream', true);
child.kill('SIGTERM');
const target = 5000;
console.log(`target ${target} req/s on one core: ${json >= target && sse >= target ? 'met' : 'NOT met'}`);
