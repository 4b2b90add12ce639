/** Parses and validates an OpenAI chat-completions body the way the API does. */
import type { ScriptedRequest, ScriptedTool } from '../scripted-request.js';
import { JSON_TYPE, isRecord, readContentText, type ParseResult, type WireResponse } from './protocol.js';

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

export function invalidOpenAIRequest(message: string, param: string | null, code: string | null = null, status = 400): WireResponse {
  return {
    status,
    headers: { 'content-type': JSON_TYPE },
    body: JSON.stringify({ error: { message, type: 'invalid_request_error', param, code } }, null, 2),
  };
}

export function parseOpenAIRequest(body: unknown): ParseResult {
  if (!isRecord(body)) return fail('We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)', null);
  if (typeof body.model !== 'string' || body.model.length === 0) return fail('you must provide a model parameter', null);
  if (!Array.isArray(body.messages)) return fail("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  if (body.messages.length === 0) return fail("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages', 'empty_array');
  const turns: ScriptedRequest['turns'] = [];
  let system = '';
  let promptChars = 0;
  for (const [index, message] of body.messages.entries()) {
    if (!isRecord(message) || typeof message.role !== 'string') return fail(`Missing required parameter: 'messages[${index}].role'.`, `messages[${index}].role`, 'missing_required_parameter');
    if (!ROLES.has(message.role)) {
      return fail(`Invalid value: '${message.role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`, `messages[${index}].role`, 'invalid_value');
    }
    const text = readContentText(message.content);
    promptChars += text.length + (Array.isArray(message.tool_calls) ? JSON.stringify(message.tool_calls).length : 0);
    if (message.role === 'system' || message.role === 'developer') system += (system ? '\n' : '') + text;
    else turns.push({ role: message.role === 'function' ? 'tool' : (message.role as 'user' | 'assistant' | 'tool'), text });
  }
  const tools = parseTools(body.tools);
  if (!Array.isArray(tools)) return { ok: false, response: tools };
  promptChars += system.length + (tools.length > 0 ? JSON.stringify(body.tools).length : 0);
  const format = isRecord(body.response_format) ? body.response_format : undefined;
  if (format && !['text', 'json_object', 'json_schema'].includes(String(format.type))) {
    return fail(`Invalid value: '${String(format.type)}'. Supported values are: 'text', 'json_object', and 'json_schema'.`, 'response_format.type', 'invalid_value');
  }
  const jsonSchemaSpec = format?.type === 'json_schema' && isRecord(format.json_schema) ? format.json_schema : undefined;
  if (format?.type === 'json_schema' && !jsonSchemaSpec) return fail("Missing required parameter: 'response_format.json_schema'.", 'response_format.json_schema', 'missing_required_parameter');
  const choice = body.tool_choice;
  const forcedTool = isRecord(choice) && isRecord(choice.function) && typeof choice.function.name === 'string' ? choice.function.name : undefined;
  if (forcedTool && !tools.some((tool) => tool.name === forcedTool)) {
    return fail(`Invalid value for 'tool_choice': tool '${forcedTool}' not found in 'tools'.`, 'tool_choice', 'invalid_value');
  }
  const maxTokens = typeof body.max_completion_tokens === 'number' ? body.max_completion_tokens : typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : undefined;
  if (streamOptions && body.stream !== true) return fail('The \'stream_options\' parameter is only allowed when \'stream\' is enabled.', 'stream_options', 'invalid_value');
  const request: ScriptedRequest = {
    protocol: 'openai',
    model: body.model,
    system,
    turns,
    jsonSchema: jsonSchemaSpec && isRecord(jsonSchemaSpec.schema) ? jsonSchemaSpec.schema : undefined,
    jsonMode: format?.type === 'json_object' || (format?.type === 'json_schema' && !jsonSchemaSpec?.schema),
    tools,
    forcedTool,
    toolsEnabled: choice !== 'none',
    stream: body.stream === true,
    includeUsage: streamOptions?.include_usage === true,
    maxTokens,
    promptChars,
  };
  return { ok: true, request };
}

function parseTools(value: unknown): ScriptedTool[] | WireResponse {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return invalidOpenAIRequest("Invalid type for 'tools': expected an array, but got an object instead.", 'tools', 'invalid_type');
  const tools: ScriptedTool[] = [];
  for (const [index, tool] of value.entries()) {
    const fn = isRecord(tool) && isRecord(tool.function) ? tool.function : undefined;
    if (!fn || typeof fn.name !== 'string') return invalidOpenAIRequest(`Missing required parameter: 'tools[${index}].function.name'.`, `tools[${index}].function.name`, 'missing_required_parameter');
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(fn.name)) {
      return invalidOpenAIRequest(`Invalid 'tools[${index}].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`, `tools[${index}].function.name`, 'invalid_value');
    }
    tools.push({ name: fn.name, parameters: isRecord(fn.parameters) ? fn.parameters : { type: 'object', properties: {} } });
  }
  return tools;
}

function fail(message: string, param: string | null, code: string | null = null): ParseResult {
  return { ok: false, response: invalidOpenAIRequest(message, param, code) };
}
