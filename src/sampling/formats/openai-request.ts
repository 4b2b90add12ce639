/**
 * Request bodies, one per line (what an app or gateway logs before the call): OpenAI
 * chat-completions, or Anthropic Messages, Gemini generateContent and Responses API bodies, which
 * are converted to canonical form.
 */
import { readRequestBody } from '../to-canonical.js';
import type { FormatSpec } from '../types.js';

export const openaiRequestFormat: FormatSpec = {
  name: 'openai',
  expected: 'a request body: OpenAI chat {"messages": […]}, Anthropic {"messages", "system"?}, Gemini {"contents": […]} or Responses {"input": …}',
  matches: (raw) => Array.isArray(raw.messages) || Array.isArray(raw.contents) || (raw.input !== undefined && 'model' in raw),
  read: (raw, where) => {
    const { request, model, conversion } = readRequestBody(raw, where, '');
    return { request, model, tags: [], weight: 1, conversion };
  },
};
