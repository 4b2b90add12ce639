import type { ToolCall } from '../../core/types.js';

/** Arguments are kept raw and parsed when they are JSON: a model's broken JSON is data to score. */
export function toToolCall(id: string, name: string, rawArguments: string): ToolCall {
  let parsed: unknown = rawArguments;
  const trimmed = rawArguments.trim();
  if (trimmed === '') parsed = {};
  else {
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      parsed = rawArguments;
    }
  }
  return { id, name, arguments: parsed, rawArguments };
}
