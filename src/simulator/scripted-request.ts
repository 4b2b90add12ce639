/**
 * The protocol-neutral view of a request that the scripted models answer. Each protocol module
 * parses its own wire body into this shape; the scripts never see a wire format.
 */
import type { CaseKind, WireProtocol } from '../config/suite-schema.js';
import type { JsonSchema } from './json-instance.js';

export interface ScriptedTool {
  name: string;
  parameters: JsonSchema;
}

export interface ScriptedRequest {
  protocol: WireProtocol;
  model: string;
  system: string;
  /** The conversation as plain text per turn. */
  turns: Array<{ role: 'user' | 'assistant' | 'tool'; text: string }>;
  /** Set when the caller asked for JSON for a schema. */
  jsonSchema?: JsonSchema;
  /**
   * JSON asked for through a forced tool (Anthropic has no JSON mode of its own): the answer is
   * a call to this tool whose input is the JSON, and the case is a json case.
   */
  jsonTool?: string;
  /** JSON asked for without a schema (`json_object`, `responseMimeType` without schema). */
  jsonMode: boolean;
  tools: ScriptedTool[];
  /** A tool the caller forces (`tool_choice: {function: {name}}`, Anthropic `{type: tool}`). */
  forcedTool?: string;
  /** Tools may be called (false for `tool_choice: none`). */
  toolsEnabled: boolean;
  stream: boolean;
  /** OpenAI `stream_options.include_usage`. */
  includeUsage: boolean;
  maxTokens?: number;
  /** Characters of prompt text, for the token estimate. */
  promptChars: number;
}

export interface CaseShape {
  kind: CaseKind;
  /** For code: typescript, javascript, python or sql. */
  language?: CodeLanguage;
}

export const CODE_LANGUAGES = ['typescript', 'javascript', 'python', 'sql'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

const LANGUAGE_HINTS: Array<[RegExp, CodeLanguage]> = [
  [/```(?:typescript|ts)\b|\btypescript\b|\bts\b(?= (?:function|code|snippet|type))/i, 'typescript'],
  [/```(?:javascript|js|node)\b|\bjavascript\b|\bnode\.?js\b/i, 'javascript'],
  [/```(?:python|py)\b|\bpython\b/i, 'python'],
  [/```sql\b|\bsql\b|\bpostgres(?:ql)?\b|\bsqlite\b|\bmysql\b/i, 'sql'],
];

/** Kind of case, from the request alone: JSON asked → json; tools → tool_call; a language named → code. */
export function detectCaseShape(request: ScriptedRequest): CaseShape {
  if (request.jsonSchema || request.jsonMode) return { kind: 'json' };
  if (request.tools.length > 0 && request.toolsEnabled) return { kind: 'tool_call' };
  const lastUser = [...request.turns].reverse().find((turn) => turn.role === 'user')?.text ?? '';
  const language = detectLanguage(lastUser) ?? detectLanguage(request.system);
  if (language) return { kind: 'code', language };
  return { kind: 'text' };
}

function detectLanguage(text: string): CodeLanguage | undefined {
  let best: { at: number; language: CodeLanguage } | undefined;
  for (const [pattern, language] of LANGUAGE_HINTS) {
    const match = pattern.exec(text);
    // The language named first is the one asked for ("in Python, not JavaScript").
    if (match && (!best || match.index < best.at)) best = { at: match.index, language };
  }
  return best?.language;
}

/** A stable token estimate: about four characters a token, as the providers' own rule of thumb. */
export function estimateTokens(chars: number): number {
  return Math.max(1, Math.ceil(chars / 4));
}
