export * from './core/errors.js';
export * from './core/types.js';
export * from './config/suite-schema.js';
export * from './providers/index.js';
export * from './validators/index.js';
export * from './runner/index.js';
export { openAttemptLog, readAttempts, indexAttemptLog, repairAttemptLog, toAttemptKey, type AttemptLog, type AttemptLogIndex } from './record/attempt-log.js';
export { startSimulator, loadScenarioFile, parseScenario, ScenarioSchema, DEFAULT_SIMULATED_MODELS, SIMULATED_HEADER, REQUEST_KEY_HEADER } from './simulator/index.js';
export type { Scenario, SimulatorStats, ModelStats, SimulatorOptions, RunningSimulator, SimulatedModelSpec } from './simulator/index.js';
