/**
 * An OpenAI Responses API body (`POST /v1/responses`) → canonical request. Mapped: instructions →
 * a leading system message, input (a string, or message / function_call / function_call_output
 * items), function tools (flat `{type: "function", name, parameters}`), tool_choice,
 * text.format → response_format, text.verbosity → verbosity, max_output_tokens →
 * max_completion_tokens, reasoning.effort → reasoning_effort, temperature, top_p,
 * parallel_tool_calls. Dropped and named: reasoning items, previous_response_id (the earlier turns
 * are not in the body), hosted tools, file ids, store/metadata/include… `model` and `stream` are
 * call settings. A body that is only a stored `prompt` reference cannot be converted.
 */
import type { CanonicalRequest, ChatMessage, ContentPart, ToolDefinition } from '../../core/types.js';
import { describeValue, isObject, isUnset, stringifyArguments, toContent, type NativeContext } from './native-context.js';

const CALL_SETTINGS = new Set(['model', 'stream', 'stream_options']);
const SAME_NAME = new Set(['temperature', 'top_p', 'parallel_tool_calls']);
const ROLES = new Set(['user', 'assistant', 'system', 'developer']);

export function convertResponsesRequest(body: Record<string, unknown>, context: NativeContext): CanonicalRequest {
  if (body.input === undefined && isObject(body.prompt)) {
    context.fail(context.at('prompt'), 'this Responses request uses a stored prompt (prompt.id): its text lives at OpenAI, not in the log');
  }
  const messages = convertInput(body.input, context);
  if (typeof body.instructions === 'string' && body.instructions !== '') messages.unshift({ role: 'system', content: body.instructions });
  else if (!isUnset(body.instructions)) context.drop('instructions');
  if (messages.length === 0) context.fail(context.at('input'), 'the input holds no message this converter can carry');
  const request: CanonicalRequest = { messages };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'input' || key === 'instructions' || CALL_SETTINGS.has(key) || isUnset(value)) continue;
    if (SAME_NAME.has(key)) request[key] = value;
    else if (key === 'max_output_tokens') request.max_completion_tokens = value as number;
    else if (key === 'tools') convertTools(value, request, context);
    else if (key === 'tool_choice') convertToolChoice(value, request, context);
    else if (key === 'text' && isObject(value)) convertText(value, request, context);
    else if (key === 'reasoning' && isObject(value)) convertReasoning(value, request, context);
    else if (key === 'top_logprobs' && value === 0) continue;
    else context.drop(key);
  }
  return request;
}

function convertInput(input: unknown, context: NativeContext): ChatMessage[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  if (!Array.isArray(input)) context.fail(context.at('input'), `expected a string or an array of input items, got ${describeValue(input)}`);
  const out: ChatMessage[] = [];
  input.forEach((item, index) => {
    const path = context.at('input', index);
    if (!isObject(item)) context.fail(path, `expected an input item, got ${describeValue(item)}`);
    const type = item.type ?? 'message';
    if (type === 'message') out.push(convertMessage(item, path, context));
    else if (type === 'function_call') appendCall(item, path, context, out);
    else if (type === 'function_call_output') out.push(convertCallOutput(item, path, context));
    else context.drop(`input.${String(type)}`);
  });
  // A message whose every part was dropped carries nothing: it is left out (the drops are named).
  return out.filter((message) => message.role === 'tool' || message.content !== '' || message.tool_calls);
}

function convertMessage(item: Record<string, unknown>, path: string, context: NativeContext): ChatMessage {
  if (typeof item.role !== 'string' || !ROLES.has(item.role)) context.fail(`${path}.role`, `expected user|assistant|system|developer, got ${describeValue(item.role)}`);
  const role = item.role as ChatMessage['role'];
  if (typeof item.content === 'string') return { role, content: item.content };
  if (!Array.isArray(item.content)) context.fail(`${path}.content`, `expected a string or an array of content parts, got ${describeValue(item.content)}`);
  const parts: ContentPart[] = [];
  item.content.forEach((part, index) => {
    const converted = convertPart(part, `${path}.content[${index}]`, context);
    if (converted) parts.push(converted);
  });
  return { role, content: parts.length === 0 ? '' : toContent(parts) };
}

function convertPart(part: unknown, path: string, context: NativeContext): ContentPart | undefined {
  if (!isObject(part) || typeof part.type !== 'string') context.fail(path, `expected a content part with a "type", got ${describeValue(part)}`);
  if ((part.type === 'input_text' || part.type === 'output_text') && typeof part.text === 'string') return { type: 'text', text: part.text };
  if (part.type === 'input_image' && typeof part.image_url === 'string') {
    const image: { url: string; detail?: string } = { url: part.image_url };
    if (typeof part.detail === 'string') image.detail = part.detail;
    return { type: 'image_url', image_url: image };
  }
  if (part.type === 'input_file' && typeof part.file_data === 'string') {
    return { type: 'file', file: { file_data: part.file_data, ...(typeof part.filename === 'string' ? { filename: part.filename } : {}) } };
  }
  // file_id / file_url references, refusals, audio: nothing a chat body can carry.
  const reference = ['file_id', 'file_url'].find((key) => typeof part[key] === 'string');
  context.drop(`content.${part.type}${reference ? `.${reference}` : ''}`);
  return undefined;
}

/** Consecutive function_call items are one assistant turn in chat form, with the text that came just before. */
function appendCall(item: Record<string, unknown>, path: string, context: NativeContext, out: ChatMessage[]): void {
  if (typeof item.call_id !== 'string' || typeof item.name !== 'string') context.fail(path, 'expected a function_call item with a string "call_id" and "name"');
  const call = { id: item.call_id, type: 'function' as const, function: { name: item.name, arguments: stringifyArguments(item.arguments) } };
  const last = out[out.length - 1];
  if (last?.role === 'assistant') {
    last.tool_calls = [...(last.tool_calls ?? []), call];
    if (last.content === '') last.content = null;
  } else out.push({ role: 'assistant', content: null, tool_calls: [call] });
}

function convertCallOutput(item: Record<string, unknown>, path: string, context: NativeContext): ChatMessage {
  if (typeof item.call_id !== 'string') context.fail(`${path}.call_id`, 'expected the call_id of the function_call this output answers');
  const output = item.output;
  if (typeof output === 'string') return { role: 'tool', tool_call_id: item.call_id, content: output };
  if (!Array.isArray(output)) context.fail(`${path}.output`, `expected a string or an array of content parts, got ${describeValue(output)}`);
  const parts: ContentPart[] = [];
  output.forEach((part, index) => {
    const converted = convertPart(part, `${path}.output[${index}]`, context);
    if (converted?.type === 'text') parts.push(converted);
    else if (converted) context.drop(`function_call_output.${converted.type}`);
  });
  return { role: 'tool', tool_call_id: item.call_id, content: parts.length === 0 ? '' : toContent(parts) };
}

function convertTools(value: unknown, request: CanonicalRequest, context: NativeContext): void {
  if (!Array.isArray(value)) context.fail(context.at('tools'), `expected an array of tools, got ${describeValue(value)}`);
  const tools: ToolDefinition[] = [];
  value.forEach((tool, index) => {
    if (!isObject(tool) || typeof tool.type !== 'string') context.fail(context.at('tools', index), `expected a tool with a "type", got ${describeValue(tool)}`);
    if (tool.type !== 'function') {
      context.drop(`tools.${tool.type}`);
      return;
    }
    if (typeof tool.name !== 'string') context.fail(context.at('tools', index, 'name'), 'expected the function name');
    const definition: ToolDefinition = { type: 'function', function: { name: tool.name } };
    if (typeof tool.description === 'string') definition.function.description = tool.description;
    if (isObject(tool.parameters)) definition.function.parameters = tool.parameters;
    if (typeof tool.strict === 'boolean') definition.function.strict = tool.strict;
    tools.push(definition);
  });
  if (tools.length > 0) request.tools = tools;
}

function convertToolChoice(value: unknown, request: CanonicalRequest, context: NativeContext): void {
  if (value === 'auto' || value === 'none' || value === 'required') request.tool_choice = value;
  else if (isObject(value) && value.type === 'function' && typeof value.name === 'string') request.tool_choice = { type: 'function', function: { name: value.name } };
  else context.drop('tool_choice');
}

function convertText(value: Record<string, unknown>, request: CanonicalRequest, context: NativeContext): void {
  for (const [key, field] of Object.entries(value)) {
    if (isUnset(field)) continue;
    if (key === 'verbosity') request.verbosity = field;
    else if (key !== 'format') context.drop(`text.${key}`);
    else if (!isObject(field) || field.type === 'text') continue;
    else if (field.type === 'json_object') request.response_format = { type: 'json_object' };
    else if (field.type === 'json_schema' && typeof field.name === 'string') {
      const schema: { name: string; schema?: Record<string, unknown>; strict?: boolean; description?: string } = { name: field.name };
      if (isObject(field.schema)) schema.schema = field.schema;
      if (typeof field.strict === 'boolean') schema.strict = field.strict;
      if (typeof field.description === 'string') schema.description = field.description;
      request.response_format = { type: 'json_schema', json_schema: schema };
    } else context.fail(context.at('text', 'format'), `expected {type: "text"|"json_object"|"json_schema", name?, schema?}, got ${describeValue(field)}`);
  }
}

function convertReasoning(value: Record<string, unknown>, request: CanonicalRequest, context: NativeContext): void {
  for (const [key, field] of Object.entries(value)) {
    if (isUnset(field)) continue;
    if (key === 'effort') request.reasoning_effort = field as string;
    else context.drop(`reasoning.${key}`);
  }
}
