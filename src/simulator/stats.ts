/** Counters behind `GET /__stats`: requests by model, status and fault. */
import type { SimulatedFault } from '../config/suite-schema.js';

export interface ModelStats {
  requests: number;
  byStatus: Record<string, number>;
  byFault: Partial<Record<SimulatedFault, number>>;
  /** Scripted answers that were wrong on purpose. */
  wrongAnswers: number;
}

export interface SimulatorStats {
  startedAt: string;
  uptimeMs: number;
  requests: number;
  byProtocol: Record<string, number>;
  models: Record<string, ModelStats>;
}

export interface StatsRecorder {
  recordRequest(protocol: string, model: string): void;
  recordStatus(model: string, status: number): void;
  recordFault(model: string, fault: SimulatedFault): void;
  recordWrongAnswer(model: string): void;
  snapshot(): SimulatorStats;
}

export function createStatsRecorder(now: () => number): StatsRecorder {
  const startedAt = new Date().toISOString();
  const started = now();
  let requests = 0;
  const byProtocol: Record<string, number> = {};
  const models: Record<string, ModelStats> = {};
  const modelStats = (model: string): ModelStats => (models[model] ??= { requests: 0, byStatus: {}, byFault: {}, wrongAnswers: 0 });
  return {
    recordRequest(protocol, model) {
      requests++;
      byProtocol[protocol] = (byProtocol[protocol] ?? 0) + 1;
      modelStats(model).requests++;
    },
    recordStatus(model, status) {
      const stats = modelStats(model);
      stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    },
    recordFault(model, fault) {
      const stats = modelStats(model);
      stats.byFault[fault] = (stats.byFault[fault] ?? 0) + 1;
    },
    recordWrongAnswer(model) {
      modelStats(model).wrongAnswers++;
    },
    snapshot: () => structuredClone({ startedAt, uptimeMs: now() - started, requests, byProtocol, models }),
  };
}
