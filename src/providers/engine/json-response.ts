/**
 * How `response_format` reaches protocols without a JSON mode of OpenAI's shape: a forced tool
 * whose input is the answer (Anthropic), or an instruction in the system prompt. The reserved tool
 * name lets the response mapper turn that tool's input back into the answer text statelessly.
 */
import type { ResponseFormat } from '../../core/types.js';

export const JSON_RESPONSE_TOOL = 'chainproof_json_response';

export function describeJsonInstruction(format: ResponseFormat): string | undefined {
  if (format.type === 'json_object') return 'Respond with a single JSON object and nothing else.';
  if (format.type === 'json_schema') {
    const schema = format.json_schema.schema ? ` matching this JSON Schema:\n${JSON.stringify(format.json_schema.schema)}` : '';
    return `Respond with a single JSON object${schema}\nOutput only the JSON, no prose or code fences.`;
  }
  return undefined;
}
