/** OpenAI chat-completions request bodies, one per line (what an app or gateway logs before the call). */
import { readRequestBody } from '../to-canonical.js';
import type { FormatSpec } from '../types.js';

export const openaiRequestFormat: FormatSpec = {
  name: 'openai',
  expected: 'an OpenAI chat-completions request body: {"model"?, "messages": [{role, content}…], …}',
  matches: (raw) => Array.isArray(raw.messages),
  read: (raw, where) => {
    const { request, model } = readRequestBody(raw, where, '');
    return { request, model, tags: [], weight: 1 };
  },
};
