/**
 * Parses and validates a Gemini generateContent request: `contents` with roles user/model,
 * `systemInstruction`, function declarations, and JSON output via `responseMimeType` with
 * `responseSchema` (OpenAPI subset) or `responseJsonSchema`. REST accepts camelCase and snake_case.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ScriptedRequest, ScriptedTool } from '../scripted-request.js';
import { JSON_TYPE, isRecord, type ParseResult, type WireResponse } from './protocol.js';

export function googleError(code: number, status: string, message: string, details?: unknown[]): WireResponse {
  return {
    status: code,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    body: JSON.stringify({ error: { code, message, status, ...(details ? { details } : {}) } }, null, 2),
  };
}

/** camelCase or snake_case field. */
function field(record: Record<string, unknown>, camel: string): unknown {
  return record[camel] ?? record[camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)];
}

export function parseGeminiRequest(body: unknown, headers: IncomingHttpHeaders, pathModel: string | undefined, query: URLSearchParams | undefined, stream: boolean): ParseResult {
  const hasKey = typeof headers['x-goog-api-key'] === 'string' || query?.has('key') || /^Bearer \S/.test(String(headers.authorization ?? ''));
  if (!hasKey) {
    return fail(googleError(403, 'PERMISSION_DENIED', "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."));
  }
  if (!isRecord(body)) return fail(googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received. Unexpected token.'));
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) return fail(googleError(400, 'INVALID_ARGUMENT', '* GenerateContentRequest.contents: contents is not specified\n'));
  const turns: ScriptedRequest['turns'] = [];
  let promptChars = 0;
  for (const content of contents) {
    const role = isRecord(content) ? (content.role ?? 'user') : undefined;
    if (role !== 'user' && role !== 'model' && role !== 'function') return fail(googleError(400, 'INVALID_ARGUMENT', 'Please use a valid role: user, model.'));
    const parts = isRecord(content) && Array.isArray(content.parts) ? content.parts : [];
    const text = parts.map((part) => (isRecord(part) ? (typeof part.text === 'string' ? part.text : JSON.stringify(part)) : '')).join('\n');
    promptChars += text.length;
    turns.push({ role: role === 'model' ? 'assistant' : role === 'function' ? 'tool' : 'user', text });
  }
  const instruction = field(body, 'systemInstruction');
  const system = isRecord(instruction) && Array.isArray(instruction.parts) ? instruction.parts.map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('\n') : typeof instruction === 'string' ? instruction : '';
  const tools = readTools(body.tools);
  promptChars += system.length + (tools.length > 0 ? JSON.stringify(body.tools).length : 0);
  const config = isRecord(field(body, 'generationConfig')) ? (field(body, 'generationConfig') as Record<string, unknown>) : {};
  const mime = field(config, 'responseMimeType');
  const schema = field(config, 'responseJsonSchema') ?? field(config, 'responseSchema');
  if (schema !== undefined && mime !== 'application/json' && mime !== 'text/x.enum') {
    return fail(googleError(400, 'INVALID_ARGUMENT', 'responseMimeType must be application/json when responseSchema is set.'));
  }
  const toolConfig = field(body, 'toolConfig');
  const calling = isRecord(toolConfig) ? field(toolConfig, 'functionCallingConfig') : undefined;
  const mode = isRecord(calling) ? String(calling.mode ?? 'AUTO').toUpperCase() : 'AUTO';
  const allowed = isRecord(calling) ? field(calling, 'allowedFunctionNames') : undefined;
  const maxTokens = field(config, 'maxOutputTokens');
  return {
    ok: true,
    request: {
      protocol: 'gemini',
      model: (pathModel ?? '').replace(/^models\//, ''),
      system,
      turns,
      jsonSchema: isRecord(schema) ? schema : undefined,
      jsonMode: mime === 'application/json' && !isRecord(schema),
      tools,
      forcedTool: mode === 'ANY' && Array.isArray(allowed) && allowed.length === 1 ? String(allowed[0]) : undefined,
      toolsEnabled: mode !== 'NONE',
      stream,
      includeUsage: true,
      maxTokens: typeof maxTokens === 'number' ? maxTokens : undefined,
      promptChars,
    },
  };
}

function readTools(value: unknown): ScriptedTool[] {
  if (!Array.isArray(value)) return [];
  const tools: ScriptedTool[] = [];
  for (const tool of value) {
    const declarations = isRecord(tool) ? field(tool, 'functionDeclarations') : undefined;
    if (!Array.isArray(declarations)) continue;
    for (const declaration of declarations) {
      if (!isRecord(declaration) || typeof declaration.name !== 'string') continue;
      const parameters = field(declaration, 'parametersJsonSchema') ?? declaration.parameters;
      tools.push({ name: declaration.name, parameters: isRecord(parameters) ? parameters : { type: 'object', properties: {} } });
    }
  }
  return tools;
}

function fail(response: WireResponse): ParseResult {
  return { ok: false, response: { ...response, headers: { ...response.headers, 'content-type': response.headers['content-type'] ?? JSON_TYPE } } };
}
