/**
 * Which fault, if any, a request gets. In order: an outage window, a scheduled fault, a prompt
 * longer than the context window, then the model's own fault rates (one seeded die).
 */
import { SIMULATED_FAULTS, type SimulatedFault } from '../config/suite-schema.js';
import type { Random } from './random.js';
import type { Outage, Scenario, ScheduledFault } from './scenario.js';
import type { SimulatedModelSpec } from './types.js';

export interface FaultInput {
  spec: SimulatedModelSpec;
  scenario: Scenario;
  /** Milliseconds since the simulator started. */
  elapsedMs: number;
  /** 1-based ordinal of this request among the model's requests. */
  ordinal: number;
  promptTokens: number;
  random: Random;
}

export type FaultSource = 'outage' | 'schedule' | 'context' | 'rate';

export interface FaultDecision {
  fault: SimulatedFault;
  source: FaultSource;
}

export function chooseFault(input: FaultInput): FaultDecision | undefined {
  const { spec, scenario, elapsedMs } = input;
  const outage = scenario.outages.find((window) => targetsModel(window, spec) && elapsedMs >= window.start_ms && elapsedMs < window.end_ms);
  if (outage) return { fault: outage.fault, source: 'outage' };
  // Dice are drawn in a fixed order whatever matches, so one rule never shifts another's throws.
  const scheduleDraw = input.random.next();
  const rateDraw = input.random.next();
  const scheduled = scenario.faults.find((rule) => matchesSchedule(rule, input) && scheduleDraw < rule.rate);
  if (scheduled) return { fault: scheduled.fault, source: 'schedule' };
  const window = spec.simulate.context_window;
  if (window !== undefined && input.promptTokens > window) return { fault: 'context_length', source: 'context' };
  const fault = pickRatedFault(spec.simulate.errors, rateDraw);
  return fault ? { fault, source: 'rate' } : undefined;
}

/** One uniform draw against the cumulative rates, in the fixed order of SIMULATED_FAULTS. */
export function pickRatedFault(rates: Partial<Record<SimulatedFault, number>>, draw: number): SimulatedFault | undefined {
  let cumulative = 0;
  for (const fault of SIMULATED_FAULTS) {
    cumulative += rates[fault] ?? 0;
    if (draw < cumulative) return fault;
  }
  return undefined;
}

export function targetsModel(target: Pick<Outage, 'model' | 'infra'>, spec: SimulatedModelSpec): boolean {
  if (target.model !== undefined && target.model !== spec.name) return false;
  if (target.infra) {
    for (const [key, value] of Object.entries(target.infra)) if (spec.infra?.[key] !== value) return false;
  }
  return true;
}

function matchesSchedule(rule: ScheduledFault, input: FaultInput): boolean {
  if (!targetsModel(rule, input.spec)) return false;
  if (rule.start_ms !== undefined && input.elapsedMs < rule.start_ms) return false;
  if (rule.end_ms !== undefined && input.elapsedMs >= rule.end_ms) return false;
  if (rule.requests && !rule.requests.includes(input.ordinal)) return false;
  if (rule.every !== undefined && input.ordinal % rule.every !== 0) return false;
  return true;
}
