/**
 * An Anthropic Messages body (`POST /v1/messages`) → canonical request. Mapped: system (string or
 * text blocks) → a leading system message, messages (anthropic-messages.ts), custom tools
 * (`input_schema` → `parameters`), tool_choice auto|any|tool|none (+ disable_parallel_tool_use),
 * max_tokens, temperature, top_p, stop_sequences → stop, structured output (`output_format` /
 * `output_config.format`) → response_format. Dropped and named: top_k, thinking, metadata,
 * cache_control, server tools, and any other key. `model` and `stream` are call settings.
 */
import type { CanonicalRequest, ChatMessage, ToolChoice, ToolDefinition } from '../../core/types.js';
import { JSON_RESPONSE_TOOL } from '../../providers/engine/json-response.js';
import { convertAnthropicMessages } from './anthropic-messages.js';
import { describeValue, isObject, isUnset, toContent, type NativeContext } from './native-context.js';

const CALL_SETTINGS = new Set(['model', 'stream']);
const SAME_NAME = ['max_tokens', 'temperature', 'top_p'] as const;

export function convertAnthropicRequest(body: Record<string, unknown>, context: NativeContext): CanonicalRequest {
  const messages = convertAnthropicMessages(body.messages, context);
  const system = convertSystem(body.system, context);
  const request: CanonicalRequest = { messages: system ? [system, ...messages] : messages };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'messages' || key === 'system' || CALL_SETTINGS.has(key) || isUnset(value)) continue;
    if ((SAME_NAME as readonly string[]).includes(key)) request[key] = value;
    else if (key === 'stop_sequences') request.stop = readStrings(value, context.at(key), context);
    else if (key === 'tools') request.tools = convertTools(value, context);
    else if (key === 'tool_choice') convertToolChoice(value, request, context);
    else if (key === 'output_format') request.response_format = convertOutputFormat(value, context.at(key), context);
    else if (key === 'output_config' && isObject(value)) convertOutputConfig(value, request, context);
    else context.drop(key);
  }
  unwrapJsonResponseTool(request);
  if (request.tools?.length === 0) delete request.tools;
  return request;
}

function readStrings(value: unknown, path: string, context: NativeContext): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) context.fail(path, `expected an array of strings, got ${describeValue(value)}`);
  return value as string[];
}

function convertSystem(value: unknown, context: NativeContext): ChatMessage | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return { role: 'system', content: value };
  if (!Array.isArray(value)) context.fail(context.at('system'), `expected a string or an array of text blocks, got ${describeValue(value)}`);
  const parts = value.map((block, index) => {
    if (!isObject(block) || block.type !== 'text' || typeof block.text !== 'string') {
      context.fail(context.at('system', index), 'expected a text block {type: "text", text}');
    }
    if (block.cache_control !== undefined) context.drop('cache_control');
    return { type: 'text', text: block.text };
  });
  return parts.length === 0 ? undefined : { role: 'system', content: toContent(parts) };
}

function convertTools(value: unknown, context: NativeContext): ToolDefinition[] {
  if (!Array.isArray(value)) context.fail(context.at('tools'), `expected an array of tools, got ${describeValue(value)}`);
  const tools: ToolDefinition[] = [];
  value.forEach((tool, index) => {
    if (!isObject(tool)) context.fail(context.at('tools', index), `expected a tool object, got ${describeValue(tool)}`);
    if (tool.cache_control !== undefined) context.drop('cache_control');
    // Server tools (web_search_…, bash_…, text_editor_…, computer_…) run at Anthropic: no canonical form.
    if (tool.input_schema === undefined && typeof tool.type === 'string' && tool.type !== 'custom') {
      context.drop(`tools.${tool.type}`);
      return;
    }
    if (typeof tool.name !== 'string' || !isObject(tool.input_schema)) {
      context.fail(context.at('tools', index), 'expected a custom tool {name, description?, input_schema: {…}}');
    }
    const definition: ToolDefinition = { type: 'function', function: { name: tool.name, parameters: tool.input_schema } };
    if (typeof tool.description === 'string') definition.function.description = tool.description;
    if (typeof tool.strict === 'boolean') definition.function.strict = tool.strict;
    tools.push(definition);
  });
  return tools;
}

function convertToolChoice(value: unknown, request: CanonicalRequest, context: NativeContext): void {
  if (!isObject(value) || typeof value.type !== 'string') context.fail(context.at('tool_choice'), `expected {type: "auto"|"any"|"tool"|"none"}, got ${describeValue(value)}`);
  const byType: Record<string, ToolChoice | undefined> = { auto: 'auto', any: 'required', none: 'none' };
  if (value.type === 'tool') {
    if (typeof value.name !== 'string') context.fail(context.at('tool_choice', 'name'), 'expected the name of the tool to force');
    request.tool_choice = { type: 'function', function: { name: value.name } };
  } else if (byType[value.type] !== undefined) request.tool_choice = byType[value.type];
  else context.fail(context.at('tool_choice', 'type'), `expected "auto", "any", "tool" or "none", got "${value.type}"`);
  if (value.disable_parallel_tool_use === true) request.parallel_tool_calls = false;
}

/** Structured outputs: `{type: "json_schema", schema}` (Anthropic names no schema: canonical calls it "response"). */
function convertOutputFormat(value: unknown, path: string, context: NativeContext): CanonicalRequest['response_format'] {
  if (!isObject(value) || value.type !== 'json_schema' || !isObject(value.schema)) {
    context.fail(path, `expected {type: "json_schema", schema: {…}}, got ${describeValue(value)}`);
  }
  return { type: 'json_schema', json_schema: { name: 'response', schema: value.schema } };
}

function convertOutputConfig(value: Record<string, unknown>, request: CanonicalRequest, context: NativeContext): void {
  for (const [key, field] of Object.entries(value)) {
    if (isUnset(field)) continue;
    if (key === 'format') request.response_format = convertOutputFormat(field, context.at('output_config', 'format'), context);
    else context.drop(`output_config.${key}`);
  }
}

/**
 * chainproof's own Anthropic adapter asks for JSON with a forced tool of a reserved name; a logged
 * request of that shape is read back as the response_format it came from.
 */
function unwrapJsonResponseTool(request: CanonicalRequest): void {
  const choice = request.tool_choice;
  if (typeof choice !== 'object' || choice.function.name !== JSON_RESPONSE_TOOL) return;
  const tool = request.tools?.find((candidate) => candidate.function.name === JSON_RESPONSE_TOOL);
  if (!tool) return;
  request.tools = request.tools!.filter((candidate) => candidate !== tool);
  delete request.tool_choice;
  request.response_format = { type: 'json_schema', json_schema: { name: 'response', schema: tool.function.parameters } };
}
