// Summarizes a synthetic run of 500,000 attempts (100,000 cases × 5 candidates) streamed from a
// generator, and prints wall time and peak RSS. Run after `npm run build`:
//   node bench/scoring-bench.mjs [cases] [candidates]
import { summarizeRun } from '../dist/scoring/index.js';

const cases = Number(process.argv[2] ?? 100_000);
const candidateCount = Number(process.argv[3] ?? 5);
const ids = Array.from({ length: candidateCount }, (_, index) => `candidate-${index}`);
let seed = 1;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

const manifest = {
  schema_version: 1,
  tool: { name: 'chainproof', version: 'bench' },
  run_id: 'bench',
  created_at: new Date(0).toISOString(),
  complete: true,
  simulated: false,
  suite: { name: 'bench', path: 'bench', digest: 'bench' },
  datasets: [],
  cases_digest: 'bench',
  case_count: cases,
  seed: 1,
  repeat: 1,
  candidates: ids.map((id, index) => ({ id, provider: 'simulated', model: id, price_source: 'suite', simulated: false, infra: { cloud: index < 2 ? 'gcp' : `cloud-${index}` } })),
  primary: ids[0],
  baseline_chain: ids.slice(0, 2),
  validators: ['json-schema'],
  qualify: { margin: 0.03, max_error_rate: 0.05 },
  run_options: {},
  environment: { node: process.version, platform: process.platform },
};

function* attempts() {
  for (let index = 0; index < cases; index += 1) {
    for (const id of ids) {
      const failed = random() < 0.02;
      yield {
        case_id: `case-${index}`,
        candidate_id: id,
        repeat: 0,
        status: failed ? 'error' : 'ok',
        error: failed ? { kind: 'rate_limited', retryable: true, message: 'bench' } : undefined,
        retries: 0,
        latency_ms: 200 + random() * 800,
        ttft_ms: 50 + random() * 200,
        usage: { input_tokens: 500, output_tokens: 200 },
        cost_usd: failed ? 0 : 0.001,
        output: 'x'.repeat(1500),
        finish_reason: failed ? 'error' : 'stop',
        warnings: [],
        verdicts: failed ? [] : [{ validator: 'json-schema', pass: random() < 0.9, categories: [], reasons: [] }],
      };
    }
  }
}

let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
const summary = await summarizeRun(manifest, attempts());
const seconds = (performance.now() - started) / 1000;
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(`attempts: ${(cases * candidateCount).toLocaleString('en-US')}`);
console.log(`wall: ${seconds.toFixed(2)} s (${Math.round((cases * candidateCount) / seconds).toLocaleString('en-US')} attempts/s)`);
console.log(`peak RSS: ${(peak / 1024 / 1024).toFixed(0)} MB`);
console.log(`proposed chain: ${summary.proposed_chain.join(' → ')}; predicted availability ${(summary.chain_prediction.availability * 100).toFixed(3)}%`);
