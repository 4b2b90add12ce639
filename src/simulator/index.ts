/** The simulator's public surface. */
export { startSimulator } from './server.js';
export { loadScenarioFile, parseScenario, ScenarioSchema, type Scenario } from './scenario.js';
export { SIMULATED_HEADER, REQUEST_KEY_HEADER } from './handle-completion.js';
export { DEFAULT_SIMULATED_MODELS } from './default-models.js';
export { toSimulatedModelSpecs } from './candidate-models.js';
export type { SimulatorStats, ModelStats } from './stats.js';
export type * from './types.js';
