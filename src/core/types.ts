/**
 * Plain domain types shared by every module. Imports nothing of ours but the error taxonomy.
 * The canonical request is the OpenAI chat-completions body without `model` (DESIGN.md §9).
 */
import type { ErrorKind, ProviderErrorInfo } from './errors.js';

// ---------------------------------------------------------------- canonical request

export type TextPart = { type: 'text'; text: string };
export type ImagePart = { type: 'image_url'; image_url: { url: string; detail?: string } };
export type ContentPart = TextPart | ImagePart | ({ type: string } & Record<string, unknown>);
export type MessageContent = string | ContentPart[] | null;

export interface CanonicalToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ChatMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  content?: MessageContent;
  name?: string;
  tool_calls?: CanonicalToolCall[];
  tool_call_id?: string;
  [extra: string]: unknown;
}

export interface ToolDefinition {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean };
}

export type ToolChoice =
  | 'none'
  | 'auto'
  | 'required'
  | { type: 'function'; function: { name: string } };

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema?: Record<string, unknown>; strict?: boolean; description?: string } };

export interface CanonicalRequest {
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  tool_choice?: ToolChoice;
  response_format?: ResponseFormat;
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  stop?: string | string[];
  seed?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
  reasoning_effort?: string;
  parallel_tool_calls?: boolean;
  [extra: string]: unknown;
}

// ---------------------------------------------------------------- cases

export interface CaseExpectations {
  /** JSON Schema the answer must satisfy (else taken from `response_format`). */
  schema?: Record<string, unknown>;
  /** Language of the code the answer must contain: typescript, python, sql… */
  language?: string;
  /** A reference answer, for match validators and judges. */
  reference?: string;
  [extra: string]: unknown;
}

export interface Case {
  id: string;
  request: CanonicalRequest;
  tags: string[];
  weight: number;
  /** Cases sharing a cluster (conversation, template) are resampled together. */
  cluster?: string;
  expect: CaseExpectations;
  /** Where the case came from, for error messages and provenance. */
  source?: { file: string; line: number };
}

// ---------------------------------------------------------------- model responses

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error' | 'other' | 'unknown';

export interface ToolCall {
  id: string;
  name: string;
  /** Arguments as sent by the model; parsed when they are valid JSON. */
  arguments: unknown;
  rawArguments: string;
}

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cached_input_tokens?: number;
  /** Input tokens written to a prompt cache (Anthropic), inside `input_tokens`; billed above the input rate. */
  cache_write_input_tokens?: number;
  /** Of those, the tokens written to a 1-hour cache (Anthropic bills them at 2× input, not 1.25×). */
  cache_write_1h_input_tokens?: number;
  reasoning_tokens?: number;
}

export type WarningType = 'unsupported' | 'clamped' | 'defaulted' | 'compat';

/** A parameter the adapter could not send as asked. Never silent: it reaches the report. */
export interface RequestWarning {
  type: WarningType;
  param: string;
  detail: string;
}

/** What an adapter reads back from one successful call, in one shape for every provider. */
export interface ModelResponse {
  text: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  /** The provider's own finish value, kept beside the unified one. */
  rawFinishReason?: string;
  /** A refusal the provider marked as such (OpenAI `refusal`, Anthropic `stop_reason: refusal`). */
  refusal?: string;
  reasoning?: string;
  usage: Usage;
  servedModel?: string;
  responseId?: string;
  /** What the provider says this answer cost, USD (OpenRouter `usage.cost`): billed as is, not re-priced. */
  reportedCostUsd?: number;
}

// ---------------------------------------------------------------- verdicts and attempts

export interface VerdictReason {
  message: string;
  /** `line:column` in the answer, a JSON pointer, or a field path. */
  location?: string;
}

export interface Verdict {
  validator: string;
  pass: boolean;
  score?: number;
  categories: string[];
  reasons: VerdictReason[];
  /** What producing the verdict cost (an LLM judge's call), so reports can price it. */
  cost_usd?: number;
}

export interface AttemptError {
  kind: ErrorKind;
  status?: number;
  retryable: boolean;
  provider_code?: string;
  message: string;
  retry_after_ms?: number;
}

export interface RetryRecord {
  error: AttemptError;
  /** How long the runner waited before the next try. */
  waited_ms: number;
}

/** One line of attempts.jsonl (DESIGN.md §9). */
export interface Attempt {
  case_id: string;
  candidate_id: string;
  repeat: number;
  status: 'ok' | 'error';
  error?: AttemptError;
  retries: number;
  retry_errors?: RetryRecord[];
  latency_ms: number;
  ttft_ms?: number;
  usage: Usage;
  cost_usd: number;
  output: string;
  tool_calls?: ToolCall[];
  finish_reason: FinishReason;
  raw_finish_reason?: string;
  refusal?: string;
  served_model?: string;
  warnings: RequestWarning[];
  verdicts: Verdict[];
  simulated?: boolean;
  cached?: boolean;
  started_at?: string;
}

export function toAttemptError(info: ProviderErrorInfo): AttemptError {
  const out: AttemptError = { kind: info.kind, retryable: info.retryable, message: info.message };
  if (info.status !== undefined) out.status = info.status;
  if (info.providerCode !== undefined) out.provider_code = info.providerCode;
  if (info.retryAfterMs !== undefined) out.retry_after_ms = info.retryAfterMs;
  return out;
}
