/**
 * What distinguishes one OpenAI-compatible service from another: its URL, its parameter table and
 * a few body rules. The adapter code is shared (openai-adapter.ts).
 */
import type { CanonicalRequest } from '../../core/types.js';
import type { AdapterContext } from '../adapter.js';
import type { ParamTable, Warn } from '../engine/param-table.js';

export interface OpenAIPreset {
  name: string;
  defaultBaseUrl: string;
  table: ParamTable;
  /** Keys the table does not know go to the wire unchanged (true for real OpenAI-shaped servers). */
  passUnknown: boolean;
  /** Ask for a final usage chunk with `stream_options.include_usage`. */
  streamUsage: boolean;
  /** Context-length errors named only in text (no code). */
  contextLengthText?: RegExp;
  /** Body rules that span parameters (e.g. "json" must appear in the prompt), run after the table. */
  finishBody?: (body: Record<string, unknown>, request: CanonicalRequest, warn: Warn, context: AdapterContext) => void;
  /** Extra request headers (OpenRouter's attribution headers…). */
  headers?: Record<string, string>;
}
