export * from './core/errors.js';
export * from './core/types.js';
export * from './config/suite-schema.js';
export { startSimulator, loadScenarioFile, parseScenario, ScenarioSchema, DEFAULT_SIMULATED_MODELS, SIMULATED_HEADER, REQUEST_KEY_HEADER } from './simulator/index.js';
export type { Scenario, SimulatorStats, ModelStats, SimulatorOptions, RunningSimulator, SimulatedModelSpec } from './simulator/index.js';
