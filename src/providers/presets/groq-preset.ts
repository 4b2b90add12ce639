/** Groq: no logprobs, logit_bias or message names (400 otherwise); one choice only. */
import type { ChatMessage } from '../../core/types.js';
import type { OpenAIPreset } from '../openai/openai-preset.js';
import { COMPATIBLE_BASE_TABLE } from './compatible-base-table.js';

export const GROQ_PRESET: OpenAIPreset = {
  name: 'groq',
  defaultBaseUrl: 'https://api.groq.com/openai/v1',
  table: {
    ...COMPATIBLE_BASE_TABLE,
    logprobs: { unsupported: 'Groq rejects logprobs' },
    top_logprobs: { unsupported: 'Groq rejects top_logprobs' },
    logit_bias: { unsupported: 'Groq rejects logit_bias' },
    n: { transform: (value, _request, warn) => {
      if (value !== 1) warn({ type: 'unsupported', param: 'n', detail: 'Groq answers one choice only; dropped' });
      return undefined;
    } },
  },
  passUnknown: true,
  streamUsage: true,
  finishBody: (body, _request, warn) => {
    const messages = body.messages as ChatMessage[];
    if (!messages.some((message) => message.name !== undefined)) return;
    body.messages = messages.map(({ name: _name, ...rest }) => rest);
    warn({ type: 'unsupported', param: 'messages', detail: 'Groq rejects messages[].name; names dropped' });
  },
};
