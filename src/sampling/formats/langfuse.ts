/**
 * Langfuse exports (UI export or API, JSONL): generation observations ({type: "GENERATION", input,
 * output, model, startTime, traceId}) and traces ({input, output, timestamp, sessionId, tags}).
 * Spans and events are not model calls: they are skipped and counted.
 */
import { failLine, isRecord, readMessages, readString, readTags, readTimestamp, readResponseText } from '../to-canonical.js';
import type { CanonicalRequest } from '../../core/types.js';
import { isLlamaIndexCall, normaliseLangfuseMessages, readGenAiOutputText, readGenAiToolDefinitions, readLlamaIndexPrompt } from './langfuse-shapes.js';
import type { FormatSpec, SourceLine } from '../types.js';

/**
 * Request parameters a Langfuse `modelParameters` may carry. Instrumentations also put their own
 * settings there (autogen: `is_stream`, `stop_sequences`; LlamaIndex: `context_window`,
 * `is_chat_model`), which a provider would reject, so only these are copied.
 */
const REQUEST_PARAMETERS = new Set(['temperature', 'top_p', 'max_tokens', 'max_completion_tokens', 'frequency_penalty', 'presence_penalty', 'seed', 'stop', 'reasoning_effort']);
/** Parameters that must be whole and non-negative; instrumentations write -1 or "" for "not set". */
const COUNT_PARAMETERS = new Set(['max_tokens', 'max_completion_tokens', 'seed']);

/** The UI's trace download keeps `input`/`output` as JSON text (`"\"Say hi\""`); this undoes that one layer. */
function decodeJsonText(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*["[{]/.test(value)) return value;
  try {
    const decoded = JSON.parse(value) as unknown;
    return typeof decoded === 'string' || typeof decoded === 'object' ? decoded : value;
  } catch {
    return value;
  }
}

function readModelParameters(parameters: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parameters)) {
    if (!REQUEST_PARAMETERS.has(key) || value === '' || value === null) continue;
    if (COUNT_PARAMETERS.has(key) && !(Number.isInteger(value) && (value as number) >= 0)) continue;
    if (typeof value === 'number' || typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))) kept[key] = value;
  }
  return kept;
}

/** Messages in OpenAI, LangChain or OpenTelemetry GenAI form → canonical messages (+ tools LangChain logged as messages). */
function readMessageList(list: unknown[], where: SourceLine, path: string): CanonicalRequest {
  const { messages, tools } = normaliseLangfuseMessages(list, where, path);
  const request: CanonicalRequest = { messages: readMessages(messages, where, path) };
  if (tools.length > 0) request.tools = tools;
  return request;
}

function readInput(input: unknown, where: SourceLine): CanonicalRequest {
  if (typeof input === 'string' && input.length > 0) return { messages: [{ role: 'user', content: input }] };
  if (Array.isArray(input)) return readMessageList(input, where, 'input');
  if (isRecord(input) && Array.isArray(input.messages)) return readMessageList(input.messages, where, 'input.messages');
  if (isLlamaIndexCall(input)) {
    const prompt = readLlamaIndexPrompt(input, where);
    return typeof prompt === 'string' ? { messages: [{ role: 'user', content: prompt }] } : readMessageList(prompt, where, 'input.args[0]');
  }
  return failLine(where, 'input', 'expected the input to be chat messages, {messages: […]}, a LlamaIndex {args: [prompt]} or a prompt string', 'Export generations only, or filter with --where \'type == "GENERATION"\'.');
}

const NO_INPUT =
  'Langfuse holds no input for these generations (input capture was turned off in the Langfuse SDK, or a mask function ' +
  'removed it), so there is no prompt to replay.';

export const langfuseFormat: FormatSpec = {
  name: 'langfuse',
  expected: 'a Langfuse observation or trace: {"id", "traceId"|"sessionId", "type"?, "input", "output", "startTime"|"timestamp", …}',
  matches: (raw) => 'input' in raw && ('traceId' in raw || 'sessionId' in raw || 'projectId' in raw || raw.type === 'GENERATION' || ('timestamp' in raw && 'output' in raw && 'name' in raw)),
  isSkipped: (raw) => typeof raw.type === 'string' && raw.type !== 'GENERATION',
  missingBody: (raw) => (raw.input === null || raw.input === undefined || raw.input === '' || raw.input === 'null' ? NO_INPUT : undefined),
  read: (raw, where) => {
    const request = readInput(decodeJsonText(raw.input), where);
    if (isRecord(raw.modelParameters)) Object.assign(request, readModelParameters(raw.modelParameters));
    const metadata = isRecord(raw.metadata) ? raw.metadata : {};
    const loggedTools = request.tools === undefined ? readGenAiToolDefinitions(metadata) : undefined;
    if (loggedTools !== undefined) request.tools = loggedTools;
    const output = decodeJsonText(raw.output);
    return {
      request,
      model: readString(raw.model),
      reference: readResponseText(output) ?? readGenAiOutputText(output),
      tags: readTags(raw.tags ?? metadata.tags),
      weight: 1,
      timestamp: readTimestamp(raw.startTime ?? raw.timestamp),
      id: readString(raw.id),
      cluster: readString(raw.sessionId ?? raw.traceId),
    };
  },
};
