/** Prompt-level changes applied before any wire mapping. */
export { applyCandidateOverrides } from './apply-candidate-overrides.js';
