/** The models `chainproof sim` serves when no scenario names its own: four clearly different profiles. */
import type { SimulatedModelSpec } from './types.js';

export const DEFAULT_SIMULATED_MODELS: SimulatedModelSpec[] = [
  {
    name: 'sim-large',
    infra: { provider: 'sim-openai', region: 'us-east' },
    simulate: { quality: 0.95, latency_ms: { p50: 900, p95: 2400 }, ttft_ms: { p50: 350, p95: 900 }, errors: { rate_limited: 0.01 }, context_window: 128_000 },
  },
  {
    name: 'sim-small',
    infra: { provider: 'sim-openai', region: 'us-east' },
    simulate: { quality: 0.85, latency_ms: { p50: 300, p95: 800 }, ttft_ms: { p50: 120, p95: 300 }, errors: { rate_limited: 0.02 }, context_window: 128_000 },
  },
  {
    name: 'sim-sonnet',
    infra: { provider: 'sim-anthropic', region: 'us-west' },
    simulate: { quality: 0.93, latency_ms: { p50: 1100, p95: 3000 }, ttft_ms: { p50: 500, p95: 1200 }, errors: { overloaded: 0.02 }, context_window: 200_000 },
  },
  {
    name: 'sim-flash',
    infra: { provider: 'sim-google', region: 'eu-west' },
    simulate: {
      quality: { json: 0.9, code: 0.8, text: 0.9, tool_call: 0.85 },
      latency_ms: { p50: 400, p95: 1200 },
      errors: { rate_limited: 0.03, blocked_prompt: 0.01, server_error: 0.01 },
      context_window: 1_000_000,
    },
  },
];
