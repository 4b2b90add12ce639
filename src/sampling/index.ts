/** Logs → dataset: sampling, de-duplication and PII scrubbing (`chainproof sample`). */
export { sampleLogs, type SampleResult, type SampleCounts } from './sample-logs.js';
export { writeSample, toMetaPath, buildMeta } from './write-sample.js';
export { parseWhere } from './where-expression.js';
export { allocateSample } from './allocate.js';
export { toTemplate, normaliseWhitespace } from './dedupe.js';
export { createScrubber } from './scrub-case.js';
export type { SampledCase } from './build-cases.js';
export { countConversions, describeConversions, type ConversionCounts } from './count-conversions.js';
export { detectDialect, type DialectHint } from './native/detect-dialect.js';
export { DIALECTS, type Conversion, type Dialect } from './native/native-context.js';
export { LOG_FORMATS, type LogFormat, type SampleOptions } from './types.js';
export { parseDateText } from './to-canonical.js';
