/**
 * Langfuse exports (UI export or API, JSONL): generation observations ({type: "GENERATION", input,
 * output, model, startTime, traceId}) and traces ({input, output, timestamp, sessionId, tags}).
 * Spans and events are not model calls: they are skipped and counted.
 */
import { failLine, isRecord, readMessages, readString, readTags, readTimestamp, readResponseText } from '../to-canonical.js';
import type { CanonicalRequest } from '../../core/types.js';
import type { FormatSpec, SourceLine } from '../types.js';

function readInput(input: unknown, where: SourceLine): CanonicalRequest {
  if (typeof input === 'string' && input.length > 0) return { messages: [{ role: 'user', content: input }] };
  if (Array.isArray(input)) return { messages: readMessages(input, where, 'input') };
  if (isRecord(input) && Array.isArray(input.messages)) return { messages: readMessages(input.messages, where, 'input.messages') };
  return failLine(where, 'input', 'expected the input to be chat messages, {messages: […]} or a prompt string', 'Export generations only, or filter with --where \'type == "GENERATION"\'.');
}

export const langfuseFormat: FormatSpec = {
  name: 'langfuse',
  expected: 'a Langfuse observation or trace: {"id", "traceId"|"sessionId", "type"?, "input", "output", "startTime"|"timestamp", …}',
  matches: (raw) => 'input' in raw && ('traceId' in raw || 'sessionId' in raw || 'projectId' in raw || raw.type === 'GENERATION' || ('timestamp' in raw && 'output' in raw && 'name' in raw)),
  isSkipped: (raw) => typeof raw.type === 'string' && raw.type !== 'GENERATION',
  read: (raw, where) => {
    const request = readInput(raw.input, where);
    if (isRecord(raw.modelParameters)) {
      for (const [key, value] of Object.entries(raw.modelParameters)) {
        if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') request[key] = value;
      }
    }
    const metadata = isRecord(raw.metadata) ? raw.metadata : {};
    return {
      request,
      model: readString(raw.model),
      reference: readResponseText(raw.output),
      tags: readTags(raw.tags ?? metadata.tags),
      weight: 1,
      timestamp: readTimestamp(raw.startTime ?? raw.timestamp),
      id: readString(raw.id),
      cluster: readString(raw.sessionId ?? raw.traceId),
    };
  },
};
