export * from './core/errors.js';
export * from './core/types.js';
export * from './config/suite-schema.js';
export * from './providers/index.js';
export * from './validators/index.js';
export * from './runner/index.js';
export { openAttemptLog, readAttempts, indexAttemptLog, repairAttemptLog, toAttemptKey, type AttemptLog, type AttemptLogIndex } from './record/attempt-log.js';
export * from './scoring/index.js';
