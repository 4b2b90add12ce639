/**
 * The answer text of a logged Gemini or Responses API response: Gemini's first candidate's text
 * parts (thought summaries left out; a streamed array of chunks joined), and the Responses API's
 * `output_text` parts of its `message` output items (reasoning and tool-call items left out).
 */
import { isObject } from './native-context.js';

function readCandidateText(chunk: unknown): string | undefined {
  if (!isObject(chunk) || !Array.isArray(chunk.candidates)) return undefined;
  const candidate = chunk.candidates[0];
  if (!isObject(candidate) || !isObject(candidate.content) || !Array.isArray(candidate.content.parts)) return '';
  return candidate.content.parts
    .filter((part): part is { text: string } => isObject(part) && typeof part.text === 'string' && part.thought !== true)
    .map((part) => part.text)
    .join('');
}

/** `{candidates: […]}`, or the array of chunks a non-SSE streamGenerateContent returns; else undefined. */
export function readGeminiResponseText(response: unknown): string | undefined {
  if (Array.isArray(response)) {
    if (response.length === 0 || !response.every((chunk) => isObject(chunk) && Array.isArray(chunk.candidates))) return undefined;
    return response.map((chunk) => readCandidateText(chunk) ?? '').join('');
  }
  const text = readCandidateText(response);
  return text === '' ? undefined : text;
}

/** `{object: "response", output: [{type: "message", content: [{type: "output_text", text}]}]}`; else undefined. */
export function readResponsesApiText(response: Record<string, unknown>): string | undefined {
  if (!Array.isArray(response.output) || !response.output.some((item) => isObject(item) && typeof item.type === 'string')) return undefined;
  const texts: string[] = [];
  for (const item of response.output) {
    if (!isObject(item) || item.type !== 'message' || !Array.isArray(item.content)) continue;
    for (const part of item.content) {
      if (isObject(part) && part.type === 'output_text' && typeof part.text === 'string') texts.push(part.text);
    }
  }
  return texts.length > 0 ? texts.join('') : undefined;
}
