/** Shapes of the log → dataset sampler (`chainproof sample`). */
import type { CanonicalRequest, CaseExpectations } from '../core/types.js';
import type { Conversion } from './native/native-context.js';

export const LOG_FORMATS = ['openai', 'request-response', 'litellm', 'langfuse', 'helicone', 'batch', 'dataset'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** One production request read from a log line, in canonical form. */
export interface LogRecord {
  request: CanonicalRequest;
  model?: string;
  /** The production answer, when the log kept it: becomes `expect.reference`. */
  reference?: string;
  tags: string[];
  /** Weight carried by the line (datasets), else 1. */
  weight: number;
  /** Milliseconds since the epoch, when the log has a time. */
  timestamp?: number;
  /** The log's own id for the request (dataset id, request_id…). */
  id?: string;
  /** Conversation or session, for cluster resampling. */
  cluster?: string;
  expect?: CaseExpectations;
  /** Set when the logged body was an Anthropic, Gemini or Responses API body converted to canonical form. */
  conversion?: Conversion;
  /** Things about this record the user should hear (a reference dropped, …): counted over the sampled cases. */
  notes?: string[];
}

export interface SourceLine {
  file: string;
  line: number;
}

/** Turns one parsed log line into a record (throwing a UserInputError that names the field when it cannot). */
export type RecordReader = (raw: Record<string, unknown>, where: SourceLine) => LogRecord;

export interface FormatSpec {
  name: LogFormat;
  /** What a line of this format looks like, for error messages. */
  expected: string;
  matches(raw: Record<string, unknown>): boolean;
  /** Lines of this format that are not model calls (Langfuse spans): skipped and counted, cheaply. */
  isSkipped?(raw: Record<string, unknown>): boolean;
  /**
   * Lines that are model calls but whose prompt is not in the log, or not intact (an export
   * without bodies, a prompt the logger cut or redacted): the reason, said once for all such
   * lines; they are skipped and counted, never guessed or replayed.
   */
  missingBody?(raw: Record<string, unknown>): string | undefined;
  /** The line's sampling weight without reading the whole record (datasets carry one). */
  readWeight?(raw: Record<string, unknown>): number;
  read: RecordReader;
}

export type Allocation = 'proportional' | 'equal';
export type DedupeMode = 'exact' | 'template';

export interface SampleOptions {
  /** Log files as the user named them: kept so in provenance (a dataset is committed; no machine paths). */
  files: string[];
  /** Directory `files` are relative to (default: the process's). */
  cwd?: string;
  n: number;
  seed: string;
  stratifyBy?: string;
  allocation: Allocation;
  minPerStratum: number;
  since?: number;
  where?: string;
  dedupe?: DedupeMode;
  scrubPii: boolean;
  /** Forces one format for every file instead of detecting it. */
  format?: LogFormat;
}
