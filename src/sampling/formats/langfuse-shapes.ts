/**
 * Framework shapes of a Langfuse GENERATION input, turned into the canonical (OpenAI chat) request.
 * Langfuse stores what each instrumentation logged, so one export mixes:
 * - LangChain/LangGraph messages: assistant tool calls under `additional_kwargs.tool_calls` (arguments
 *   as an object), and the request's tool definitions logged as extra `{role: "tool", content: {type:
 *   "function", function}}` messages;
 * - OpenTelemetry GenAI messages (`gen_ai.input.messages`: microsoft agent framework, pydantic-ai):
 *   `{role, parts: [{type: "text"|"tool_call"|"tool_call_response", …}]}`;
 * - LlamaIndex (OpenInference) call arguments: `{args: [prompt | messages], kwargs: {…}}`.
 * Each conversion maps only what has one reading; anything else is a UserInputError naming the field.
 */
import { describe, failLine, isRecord } from '../to-canonical.js';
import type { CanonicalToolCall, ChatMessage, ToolDefinition } from '../../core/types.js';
import type { SourceLine } from '../types.js';

const HINT = 'Convert this record to an OpenAI chat-completions body ({messages, tools}) yourself, or filter it out with --where.';

/** Tool-call arguments are a JSON string on the wire; instrumentations log the parsed object. */
function stringifyArguments(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? {});
}

/** A LangChain tool-definition pseudo-message: the OpenAI tool object logged as a tool message's content. */
export function isLangChainToolDefinition(message: Record<string, unknown>): boolean {
  const content = message.content;
  return message.role === 'tool' && message.tool_call_id === undefined && isRecord(content) && content.type === 'function'
    && isRecord(content.function) && typeof content.function.name === 'string';
}

/**
 * A LangChain message → canonical: `additional_kwargs.tool_calls` become `tool_calls` (arguments as
 * JSON text), `additional_kwargs` is dropped (it holds LangChain bookkeeping such as `refusal: null`),
 * and a tool result logged as an object or array of records becomes its JSON text, as LangChain sends it.
 */
export function convertLangChainMessage(message: Record<string, unknown>, where: SourceLine, path: string): Record<string, unknown> {
  const { additional_kwargs: extra, ...rest } = message;
  const converted: Record<string, unknown> = rest;
  const calls = isRecord(extra) ? extra.tool_calls : undefined;
  if (calls !== undefined && calls !== null) {
    if (!Array.isArray(calls)) failLine(where, `${path}.additional_kwargs.tool_calls`, `expected an array of tool calls, got ${describe(calls)}`, HINT);
    if (Array.isArray(message.tool_calls) && message.tool_calls.length > 0) {
      failLine(where, `${path}.additional_kwargs.tool_calls`, 'expected tool calls in one place, found both tool_calls and additional_kwargs.tool_calls', HINT);
    }
    converted.tool_calls = calls.map((call, index) => readLangChainToolCall(call, where, `${path}.additional_kwargs.tool_calls[${index}]`));
  }
  const content = message.content;
  const isParts = Array.isArray(content) && content.every((part) => isRecord(part) && typeof part.type === 'string');
  if (message.role === 'tool' && (isRecord(content) || (Array.isArray(content) && !isParts))) converted.content = JSON.stringify(content);
  return converted;
}

function readLangChainToolCall(call: unknown, where: SourceLine, path: string): CanonicalToolCall {
  if (!isRecord(call) || typeof call.id !== 'string' || !isRecord(call.function) || typeof call.function.name !== 'string') {
    failLine(where, path, `expected a tool call {id, function: {name, arguments}}, got ${describe(call)}`, HINT);
  }
  return { id: call.id, type: 'function', function: { name: call.function.name, arguments: stringifyArguments(call.function.arguments) } };
}

/** The OpenAI tool object a LangChain tool-definition message carries. */
export function readLangChainToolDefinition(message: Record<string, unknown>): ToolDefinition {
  return message.content as ToolDefinition;
}

function readGenAiId(part: Record<string, unknown>, where: SourceLine, path: string): string {
  const id = part.id;
  if (typeof id === 'string' && id.length > 0) return id;
  // Microsoft Agent Framework logs [run id, call id] (its Assistants-API origin) on both the call and
  // its response. A replayed history only needs the two to pair up, which the same element of the
  // same pair does; the call id is the one chat APIs know.
  if (Array.isArray(id) && id.length > 0 && id.every((item) => typeof item === 'string' && item.length > 0)) {
    const ids = id as string[];
    return ids.find((item) => item.startsWith('call_')) ?? ids[ids.length - 1]!;
  }
  return failLine(where, `${path}.id`, `expected the tool call id as a string (or Microsoft Agent Framework's [run id, call id]), got ${describe(id)}`, HINT);
}

function readGenAiResult(part: Record<string, unknown>): string {
  const result = part.result ?? part.response;
  return typeof result === 'string' ? result : JSON.stringify(result ?? null);
}

/** Text parts → a string (one part) or text content parts (several), as OpenAI takes them. */
function joinGenAiText(texts: string[]): ChatMessage['content'] {
  return texts.length === 1 ? texts[0] : texts.map((text) => ({ type: 'text', text }));
}

/**
 * One OpenTelemetry GenAI message → one or more canonical messages, in part order: text parts become
 * content, `tool_call` parts become the assistant's `tool_calls`, and each `tool_call_response` part
 * becomes its own tool message (pydantic-ai logs tool results inside a user message; OpenAI wants one
 * tool message per call). Other part types (blob, uri, reasoning…) have no chat-completions form here.
 */
export function convertGenAiMessage(message: Record<string, unknown>, where: SourceLine, path: string): ChatMessage[] {
  const role = message.role as ChatMessage['role'];
  const parts = message.parts as unknown[];
  const out: ChatMessage[] = [];
  let texts: string[] = [];
  let calls: CanonicalToolCall[] = [];
  const flush = () => {
    if (texts.length === 0 && calls.length === 0) return;
    const converted: ChatMessage = { role, content: texts.length > 0 ? joinGenAiText(texts) : null };
    if (calls.length > 0) converted.tool_calls = calls;
    out.push(converted);
    texts = [];
    calls = [];
  };
  parts.forEach((part, index) => {
    const partPath = `${path}.parts[${index}]`;
    if (!isRecord(part)) failLine(where, partPath, `expected a message part {type, …}, got ${describe(part)}`, HINT);
    if (part.type === 'text' && typeof part.content === 'string') {
      texts.push(part.content);
    } else if (part.type === 'tool_call' && role === 'assistant' && typeof part.name === 'string') {
      calls.push({ id: readGenAiId(part, where, partPath), type: 'function', function: { name: part.name, arguments: stringifyArguments(part.arguments) } });
    } else if (part.type === 'tool_call_response' && (role === 'tool' || role === 'user')) {
      flush();
      out.push({ role: 'tool', tool_call_id: readGenAiId(part, where, partPath), content: readGenAiResult(part) });
    } else {
      failLine(where, partPath, `expected a text, tool_call (assistant) or tool_call_response (tool/user) part, got type ${JSON.stringify(String(part.type))} in a ${role} message`, HINT);
    }
  });
  flush();
  if (out.length === 0) failLine(where, `${path}.parts`, 'expected at least one message part', HINT);
  return out;
}

/** The answer text of an OpenTelemetry GenAI output (`[{role: "assistant", parts: [{type: "text", content}]}]`). */
export function readGenAiOutputText(output: unknown): string | undefined {
  if (!Array.isArray(output)) return undefined;
  const texts = output.flatMap((message) => (isRecord(message) && Array.isArray(message.parts) ? message.parts : []))
    .filter((part): part is { type: 'text'; content: string } => isRecord(part) && part.type === 'text' && typeof part.content === 'string')
    .map((part) => part.content);
  return texts.length > 0 ? texts.join('') : undefined;
}

/**
 * Tool definitions an OpenTelemetry instrumentation logged beside the messages: the semantic
 * convention's `gen_ai.tool.definitions` (OpenAI tool objects), or pydantic-ai's
 * `model_request_parameters` (function and output tools, both sent to the model as functions).
 */
export function readGenAiToolDefinitions(metadata: unknown): ToolDefinition[] | undefined {
  const attributes = isRecord(metadata) && isRecord(metadata.attributes) ? metadata.attributes : undefined;
  if (attributes === undefined) return undefined;
  const definitions = attributes['gen_ai.tool.definitions'];
  if (Array.isArray(definitions) && definitions.length > 0 && definitions.every((tool) => isRecord(tool) && tool.type === 'function' && isRecord(tool.function))) {
    return definitions as ToolDefinition[];
  }
  const parameters = attributes.model_request_parameters;
  if (!isRecord(parameters)) return undefined;
  const tools = [parameters.function_tools, parameters.output_tools].flatMap((list) => (Array.isArray(list) ? list : []))
    .filter((tool): tool is Record<string, unknown> => isRecord(tool) && typeof tool.name === 'string')
    .map((tool): ToolDefinition => ({
      type: 'function',
      function: {
        name: tool.name as string,
        ...(typeof tool.description === 'string' ? { description: tool.description } : {}),
        ...(isRecord(tool.parameters_json_schema) ? { parameters: tool.parameters_json_schema } : {}),
        ...(typeof tool.strict === 'boolean' ? { strict: tool.strict } : {}),
      },
    }));
  return tools.length > 0 ? tools : undefined;
}

/** LlamaIndex logs the call's arguments: `{args: [prompt]}` (complete) or `{args: [messages]}` (chat), `kwargs` beside. */
export function isLlamaIndexCall(input: unknown): input is { args?: unknown[]; kwargs?: unknown } {
  return isRecord(input) && (Array.isArray(input.args) || isRecord(input.kwargs)) && Object.keys(input).every((key) => key === 'args' || key === 'kwargs');
}

/**
 * The prompt of a LlamaIndex call: one positional string (`complete(prompt)`) → one user message, or
 * one positional/keyword message list (`chat(messages)`) → those messages. Several positional
 * arguments, or a prompt both positional and keyword, have no single reading.
 */
export function readLlamaIndexPrompt(input: { args?: unknown[]; kwargs?: unknown }, where: SourceLine): string | unknown[] {
  const args = input.args ?? [];
  const kwargs = isRecord(input.kwargs) ? input.kwargs : {};
  const keyword = kwargs.prompt ?? kwargs.messages;
  const candidates = [...args, ...(keyword === undefined ? [] : [keyword])];
  const [prompt] = candidates;
  if (candidates.length !== 1 || !((typeof prompt === 'string' && prompt.length > 0) || (Array.isArray(prompt) && prompt.length > 0))) {
    failLine(where, 'input.args', `expected a LlamaIndex call with one prompt string or one message list (args or kwargs.prompt/messages), got ${candidates.length} argument(s)`, HINT);
  }
  return prompt;
}

/**
 * A logged message list in any of the shapes above → canonical messages plus the tool definitions
 * LangChain logged as messages. Messages already in OpenAI form pass through unchanged.
 */
export function normaliseLangfuseMessages(list: unknown[], where: SourceLine, path: string): { messages: unknown[]; tools: ToolDefinition[] } {
  const messages: unknown[] = [];
  const tools: ToolDefinition[] = [];
  list.forEach((message, index) => {
    const itemPath = `${path}[${index}]`;
    if (!isRecord(message)) {
      messages.push(message);
    } else if (Array.isArray(message.parts) && message.content === undefined) {
      messages.push(...convertGenAiMessage(message, where, itemPath));
    } else if (isLangChainToolDefinition(message)) {
      tools.push(readLangChainToolDefinition(message));
    } else if ('additional_kwargs' in message || (message.role === 'tool' && typeof message.content === 'object' && message.content !== null)) {
      messages.push(convertLangChainMessage(message, where, itemPath));
    } else {
      messages.push(message);
    }
  });
  return { messages, tools };
}
