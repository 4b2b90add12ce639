// The simulator alone in its own process (one JS thread), for bench/simulator-throughput.mjs.
// Answers `cpu` messages with its CPU time, so the bench can report requests per CPU-second.
import { startSimulator } from '../dist/simulator/index.js';

const simulator = await startSimulator({
  latencyScale: 0,
  seed: 1,
  models: [{ name: 'bench-model', simulate: { quality: 0.9, latency_ms: { p50: 0, p95: 0 }, errors: { rate_limited: 0.01 } } }],
});
process.on('message', (message) => {
  if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
  if (message === 'stop') simulator.close().then(() => process.exit(0));
});
process.send({ url: simulator.url });
