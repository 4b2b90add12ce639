/**
 * Parses and validates an Anthropic Messages request as the API does: the required headers,
 * `max_tokens`, user/assistant roles only (system is top-level), and the error bodies it sends.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ScriptedRequest, ScriptedTool } from '../scripted-request.js';
import { JSON_TYPE, isRecord, readContentText, type ParseResult, type WireResponse } from './protocol.js';

/** Tool names that clients force to get JSON: ours (providers/) and the AI SDK's. */
const JSON_TOOL_NAMES = new Set(['chainproof_json_response', 'json']);

export function anthropicError(status: number, type: string, message: string): WireResponse {
  return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ type: 'error', error: { type, message } }) };
}

export function parseAnthropicRequest(body: unknown, headers: IncomingHttpHeaders): ParseResult {
  const hasKey = typeof headers['x-api-key'] === 'string' || /^Bearer \S/.test(String(headers.authorization ?? ''));
  if (!hasKey) return { ok: false, response: anthropicError(401, 'authentication_error', 'x-api-key header is required') };
  if (typeof headers['anthropic-version'] !== 'string') return invalid('anthropic-version: header is required');
  if (!isRecord(body)) return invalid('There was an error parsing the body of your request. Please check that it is valid JSON.');
  if (typeof body.model !== 'string') return invalid('model: Field required');
  if (body.max_tokens === undefined) return invalid('max_tokens: Field required');
  if (typeof body.max_tokens !== 'number' || !Number.isInteger(body.max_tokens) || body.max_tokens < 1) return invalid('max_tokens: Input should be a valid integer greater than or equal to 1');
  if (!Array.isArray(body.messages)) return invalid('messages: Field required');
  if (body.messages.length === 0) return invalid('messages: at least one message is required');
  if (typeof body.temperature === 'number' && (body.temperature < 0 || body.temperature > 1)) return invalid('temperature: range: 0..1');
  const turns: ScriptedRequest['turns'] = [];
  let promptChars = 0;
  for (const [index, message] of body.messages.entries()) {
    const role = isRecord(message) ? message.role : undefined;
    if (role === 'system') {
      return invalid('messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.');
    }
    if (role !== 'user' && role !== 'assistant') return invalid(`messages.${index}.role: Input should be 'user' or 'assistant'`);
    const content = (message as Record<string, unknown>).content;
    if (typeof content !== 'string' && !Array.isArray(content)) return invalid(`messages.${index}.content: Field required`);
    const text = readContentText(content) + readToolBlocks(content);
    promptChars += text.length;
    turns.push({ role, text });
  }
  const system = typeof body.system === 'string' ? body.system : readContentText(body.system);
  const tools = parseTools(body.tools);
  if (!Array.isArray(tools)) return { ok: false, response: tools };
  promptChars += system.length + (tools.length > 0 ? JSON.stringify(body.tools).length : 0);
  const choice = isRecord(body.tool_choice) ? body.tool_choice : undefined;
  if (choice && !['auto', 'any', 'tool', 'none'].includes(String(choice.type))) return invalid(`tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'`);
  if (choice?.type === 'tool' && !tools.some((tool) => tool.name === choice.name)) return invalid(`tool_choice: Tool '${String(choice.name)}' not found in tools`);
  // A single forced tool named like a JSON carrier is how clients ask Anthropic for JSON.
  const jsonTool = choice?.type === 'tool' && tools.length === 1 && JSON_TOOL_NAMES.has(tools[0]!.name) ? tools[0] : undefined;
  const schema = readOutputSchema(body) ?? jsonTool?.parameters;
  return {
    ok: true,
    request: {
      protocol: 'anthropic',
      model: body.model,
      system,
      turns,
      jsonSchema: schema,
      jsonMode: false,
      tools: jsonTool ? [] : tools,
      jsonTool: jsonTool?.name,
      forcedTool: choice?.type === 'tool' && !jsonTool ? String(choice.name) : undefined,
      toolsEnabled: choice?.type !== 'none',
      stream: body.stream === true,
      includeUsage: true,
      maxTokens: body.max_tokens,
      promptChars,
    },
  };
}

/** Structured outputs: `output_format` (beta) or `output_config.format`. */
function readOutputSchema(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const config = isRecord(body.output_config) ? body.output_config.format : undefined;
  const format = isRecord(body.output_format) ? body.output_format : isRecord(config) ? config : undefined;
  return format?.type === 'json_schema' && isRecord(format.schema) ? format.schema : undefined;
}

function readToolBlocks(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content
    .filter((block) => isRecord(block) && (block.type === 'tool_use' || block.type === 'tool_result'))
    .map((block) => JSON.stringify(block))
    .join('\n');
}

function parseTools(value: unknown): ScriptedTool[] | WireResponse {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return anthropicError(400, 'invalid_request_error', 'tools: Input should be a valid list');
  const tools: ScriptedTool[] = [];
  for (const [index, tool] of value.entries()) {
    if (!isRecord(tool) || typeof tool.name !== 'string') return anthropicError(400, 'invalid_request_error', `tools.${index}.custom.name: Field required`);
    // Server tools (web_search…) carry a `type` and no schema; the scripted models do not call them.
    if (typeof tool.type === 'string' && tool.type !== 'custom') continue;
    if (!isRecord(tool.input_schema)) return anthropicError(400, 'invalid_request_error', `tools.${index}.custom.input_schema: Field required`);
    tools.push({ name: tool.name, parameters: tool.input_schema });
  }
  return tools;
}

function invalid(message: string): ParseResult {
  return { ok: false, response: anthropicError(400, 'invalid_request_error', message) };
}
