/**
 * Canonical → generateContent body: the table, then contents, tools, JSON output
 * (`responseMimeType` + `responseSchema`) and thinking from reasoning_effort.
 */
import type { CanonicalRequest, RequestWarning, ResponseFormat, ToolDefinition } from '../../core/types.js';
import type { AdapterContext, WireRequest } from '../adapter.js';
import { applyParamTable, setPath, type Warn } from '../engine/param-table.js';
import { GEMINI_PARAM_TABLE } from './gemini-param-table.js';
import { toGeminiContents } from './to-gemini-contents.js';
import { toGeminiSchema } from './to-gemini-schema.js';

const THINKING_BUDGET: Readonly<Record<string, number>> = { none: 0, minimal: 512, low: 1024, medium: 8192, high: 24_576 };

export function toGeminiRequest(request: CanonicalRequest, context: AdapterContext): WireRequest {
  const mapped = applyParamTable(GEMINI_PARAM_TABLE, request, context, { passUnknown: false });
  const warnings: RequestWarning[] = mapped.warnings;
  const warn: Warn = (warning) => warnings.push(warning);
  const converted = toGeminiContents(request.messages, warn);
  const body: Record<string, unknown> = { contents: converted.contents, ...mapped.body };
  if (converted.systemInstruction) body.systemInstruction = converted.systemInstruction;
  const droppedKeywords = new Set<string>();
  if (request.tools && request.tools.length > 0) body.tools = [{ functionDeclarations: request.tools.map((tool) => toDeclaration(tool, droppedKeywords)) }];
  if (request.response_format) applyResponseFormat(body, request.response_format, droppedKeywords);
  if (droppedKeywords.size > 0) {
    warn({ type: 'compat', param: 'schema', detail: `JSON Schema keywords Gemini rejects were removed: ${[...droppedKeywords].sort().join(', ')}` });
  }
  if (request.reasoning_effort !== undefined) applyThinking(body, request.reasoning_effort, warn);
  const model = context.model.replace(/^models\//, '');
  const path = context.stream ? `/v1beta/models/${model}:streamGenerateContent?alt=sse` : `/v1beta/models/${model}:generateContent`;
  return { path, body, warnings };
}

function toDeclaration(tool: ToolDefinition, dropped: Set<string>): Record<string, unknown> {
  const declaration: Record<string, unknown> = { name: tool.function.name };
  if (tool.function.description) declaration.description = tool.function.description;
  if (tool.function.parameters) declaration.parameters = toGeminiSchema(tool.function.parameters, dropped);
  return declaration;
}

function applyResponseFormat(body: Record<string, unknown>, format: ResponseFormat, dropped: Set<string>): void {
  if (format.type === 'text') return;
  setPath(body, 'generationConfig.responseMimeType', 'application/json');
  if (format.type === 'json_schema' && format.json_schema.schema) {
    setPath(body, 'generationConfig.responseSchema', toGeminiSchema(format.json_schema.schema, dropped));
  }
}

function applyThinking(body: Record<string, unknown>, effort: string, warn: Warn): void {
  const budget = THINKING_BUDGET[effort];
  if (budget === undefined) {
    warn({ type: 'unsupported', param: 'reasoning_effort', detail: `unknown effort "${effort}"; the model's default thinking is used` });
    return;
  }
  setPath(body, 'generationConfig.thinkingConfig', { thinkingBudget: budget });
  warn({ type: 'compat', param: 'reasoning_effort', detail: `sent as generationConfig.thinkingConfig.thinkingBudget ${budget}` });
}
