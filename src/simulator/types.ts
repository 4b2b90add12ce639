/**
 * The simulator contract: a real HTTP server on loopback speaking the providers' wire protocols
 * with scripted models and injected faults.
 */
import type { SimulateConfig } from '../config/suite-schema.js';
import type { SimulatorStats } from './stats.js';

export interface SimulatedModelSpec {
  /** The model id clients send (`model` field, or the Gemini path segment). */
  name: string;
  simulate: SimulateConfig;
  /** Shared infrastructure tags; an outage on a tag fails every model that carries it. */
  infra?: Record<string, string>;
}

export interface SimulatorOptions {
  models: SimulatedModelSpec[];
  seed?: number;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Scenario (faults by schedule, outages, extra models): a parsed `Scenario` or raw data, validated here. */
  scenario?: unknown;
  /** Milliseconds since start; injected in tests. */
  now?: () => number;
  /** Multiplies every configured latency (0 = answer at once; benches and tests). */
  latencyScale?: number;
}

export interface RunningSimulator {
  /** http://127.0.0.1:PORT */
  url: string;
  baseUrls: { openai: string; anthropic: string; gemini: string };
  /** Names of the models served (options.models, then the scenario's). */
  models: string[];
  /** Requests by model, status and fault (the same as `GET /__stats`). */
  stats(): SimulatorStats;
  /** Stops listening, ends open connections and pending timers. */
  close(): Promise<void>;
}
