/** The pure safety detectors, usable without the validator (sampling scrubs with them). */
export { detectSensitive } from './detect-sensitive.js';
export { detectRefusal, type RefusalResult } from './detect-refusal.js';
export { maskValue } from './mask.js';
export { toLineColumn } from './text-scan.js';
export { SENSITIVE_CATEGORIES, type DetectOptions, type Finding, type SensitiveCategory } from './types.js';
