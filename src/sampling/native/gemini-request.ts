/**
 * A Gemini `generateContent` body → canonical request. Mapped: systemInstruction → a leading
 * system message, contents (gemini-contents.ts), functionDeclarations → tools (OpenAPI schemas
 * turned into JSON Schema), toolConfig.functionCallingConfig → tool_choice, and from
 * generationConfig: temperature, topP, maxOutputTokens → max_tokens, stopSequences → stop, seed,
 * presence/frequency penalties, candidateCount > 1 → n, responseLogprobs/logprobs, and
 * responseMimeType + responseSchema | responseJsonSchema → response_format. Dropped and named:
 * safetySettings, cachedContent, thinkingConfig, topK, non-function tools (googleSearch,
 * codeExecution…), and any other key. Both camelCase and snake_case spellings are read.
 */
import type { CanonicalRequest, ChatMessage, ToolChoice, ToolDefinition } from '../../core/types.js';
import { convertGeminiContents, readField, toCamel } from './gemini-contents.js';
import { toJsonSchema } from './gemini-schema.js';
import { describeValue, isObject, isUnset, toContent, type NativeContext } from './native-context.js';

const GENERATION_SAME_MEANING: Readonly<Record<string, string>> = {
  temperature: 'temperature',
  topP: 'top_p',
  maxOutputTokens: 'max_tokens',
  seed: 'seed',
  presencePenalty: 'presence_penalty',
  frequencyPenalty: 'frequency_penalty',
  responseLogprobs: 'logprobs',
  logprobs: 'top_logprobs',
};
const HANDLED_TOGETHER = new Set(['responseMimeType', 'responseSchema', 'responseJsonSchema']);

export function convertGeminiRequest(body: Record<string, unknown>, context: NativeContext): CanonicalRequest {
  const messages = convertGeminiContents(body.contents, context);
  const system = convertSystemInstruction(readField(body, 'systemInstruction'), context);
  const request: CanonicalRequest = { messages: system ? [system, ...messages] : messages };
  for (const [rawKey, value] of Object.entries(body)) {
    const key = toCamel(rawKey);
    if (key === 'contents' || key === 'systemInstruction' || key === 'model' || isUnset(value)) continue;
    if (key === 'tools') convertTools(value, rawKey, request, context);
    else if (key === 'toolConfig') convertToolConfig(value, rawKey, request, context);
    else if (key === 'generationConfig') convertGenerationConfig(value, rawKey, request, context);
    else context.drop(key);
  }
  return request;
}

function convertSystemInstruction(value: unknown, context: NativeContext): ChatMessage | undefined {
  if (isUnset(value)) return undefined;
  if (typeof value === 'string') return { role: 'system', content: value };
  if (!isObject(value) || !Array.isArray(value.parts)) context.fail(context.at('systemInstruction'), `expected {parts: [{text}]}, got ${describeValue(value)}`);
  const parts = value.parts.map((part, index) => {
    if (!isObject(part) || typeof part.text !== 'string') context.fail(context.at('systemInstruction', 'parts', index), 'expected a text part {text}');
    return { type: 'text', text: part.text };
  });
  return parts.length === 0 ? undefined : { role: 'system', content: toContent(parts) };
}

function convertTools(value: unknown, key: string, request: CanonicalRequest, context: NativeContext): void {
  if (!Array.isArray(value)) context.fail(context.at(key), `expected an array of tools, got ${describeValue(value)}`);
  const tools: ToolDefinition[] = [];
  value.forEach((tool, index) => {
    if (!isObject(tool)) context.fail(context.at(key, index), `expected a tool object, got ${describeValue(tool)}`);
    for (const [toolKey, entry] of Object.entries(tool)) {
      if (toCamel(toolKey) !== 'functionDeclarations') {
        context.drop(`tools.${toCamel(toolKey)}`);
        continue;
      }
      if (!Array.isArray(entry)) context.fail(context.at(key, index, toolKey), 'expected an array of function declarations');
      entry.forEach((declaration, at) => tools.push(convertDeclaration(declaration, context.at(key, index, toolKey, at), context)));
    }
  });
  if (tools.length > 0) request.tools = tools;
}

function convertDeclaration(declaration: unknown, path: string, context: NativeContext): ToolDefinition {
  if (!isObject(declaration) || typeof declaration.name !== 'string') context.fail(path, 'expected a function declaration {name, description?, parameters?}');
  const definition: ToolDefinition = { type: 'function', function: { name: declaration.name } };
  if (typeof declaration.description === 'string') definition.function.description = declaration.description;
  const jsonSchema = readField(declaration, 'parametersJsonSchema');
  const parameters = jsonSchema ?? (declaration.parameters === undefined ? undefined : toJsonSchema(declaration.parameters, context));
  if (isObject(parameters)) definition.function.parameters = parameters;
  for (const key of Object.keys(declaration)) {
    if (!['name', 'description', 'parameters', 'parametersJsonSchema'].includes(toCamel(key))) context.drop(`tools.functionDeclarations.${toCamel(key)}`);
  }
  return definition;
}

function convertToolConfig(value: unknown, key: string, request: CanonicalRequest, context: NativeContext): void {
  if (!isObject(value)) context.fail(context.at(key), `expected {functionCallingConfig: {mode}}, got ${describeValue(value)}`);
  for (const [rawKey, config] of Object.entries(value)) {
    if (toCamel(rawKey) !== 'functionCallingConfig') {
      context.drop(`toolConfig.${toCamel(rawKey)}`);
      continue;
    }
    if (!isObject(config)) context.fail(context.at(key, rawKey), 'expected {mode, allowedFunctionNames?}');
    const choice = toToolChoice(config, context);
    if (choice !== undefined) request.tool_choice = choice;
  }
}

function toToolChoice(config: Record<string, unknown>, context: NativeContext): ToolChoice | undefined {
  const mode = typeof config.mode === 'string' ? config.mode.toUpperCase() : undefined;
  const allowed = readField(config, 'allowedFunctionNames');
  if (mode === 'AUTO') return 'auto';
  if (mode === 'NONE') return 'none';
  if (mode === 'ANY') {
    if (Array.isArray(allowed) && allowed.length === 1 && typeof allowed[0] === 'string') return { type: 'function', function: { name: allowed[0] } };
    if (Array.isArray(allowed) && allowed.length > 1) context.drop('toolConfig.functionCallingConfig.allowedFunctionNames');
    return 'required';
  }
  if (mode !== undefined && mode !== 'MODE_UNSPECIFIED') context.drop(`toolConfig.functionCallingConfig.mode.${mode}`);
  return undefined;
}

function convertGenerationConfig(value: unknown, key: string, request: CanonicalRequest, context: NativeContext): void {
  if (!isObject(value)) context.fail(context.at(key), `expected an object, got ${describeValue(value)}`);
  for (const [rawKey, field] of Object.entries(value)) {
    const name = toCamel(rawKey);
    if (isUnset(field) || HANDLED_TOGETHER.has(name)) continue;
    const canonical = GENERATION_SAME_MEANING[name];
    if (canonical !== undefined) request[canonical] = field;
    else if (name === 'stopSequences') request.stop = field as string[];
    // One candidate is the default; more is OpenAI's `n`.
    else if (name === 'candidateCount') {
      if (field !== 1) request.n = field;
    } else if (name === 'responseModalities' && Array.isArray(field) && field.length === 1 && String(field[0]).toUpperCase() === 'TEXT') continue;
    else context.drop(`generationConfig.${name}`);
  }
  convertResponseFormat(value, context, request);
}

function convertResponseFormat(config: Record<string, unknown>, context: NativeContext, request: CanonicalRequest): void {
  const mimeType = readField(config, 'responseMimeType');
  const jsonSchema = readField(config, 'responseJsonSchema');
  const openApiSchema = readField(config, 'responseSchema');
  if (mimeType === undefined || mimeType === 'text/plain') {
    if (jsonSchema !== undefined || openApiSchema !== undefined) context.drop('generationConfig.responseSchema');
    return;
  }
  if (mimeType !== 'application/json') {
    context.drop(`generationConfig.responseMimeType(${String(mimeType)})`);
    return;
  }
  const schema = jsonSchema ?? (openApiSchema === undefined ? undefined : toJsonSchema(openApiSchema, context));
  request.response_format = isObject(schema) ? { type: 'json_schema', json_schema: { name: 'response', schema } } : { type: 'json_object' };
}
