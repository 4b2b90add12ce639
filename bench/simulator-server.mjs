// The simulator alone in its own process (one JS thread), for bench/simulator-throughput.mjs.
import { startSimulator } from '../dist/simulator/index.js';

const simulator = await startSimulator({
  latencyScale: 0,
  seed: 1,
  models: [{ name: 'bench-model', simulate: { quality: 0.9, latency_ms: { p50: 0, p95: 0 }, errors: { rate_limited: 0.01 } } }],
});
process.stdout.write(`${simulator.url}\n`);
process.on('SIGTERM', () => simulator.close().then(() => process.exit(0)));
