/**
 * What every OpenAI-compatible server gets instead of OpenAI's own table: `max_tokens` (not the
 * newer `max_completion_tokens`) and no `developer` role, which most of them do not understand.
 */
import type { ChatMessage } from '../../core/types.js';
import type { ParamTable } from '../engine/param-table.js';
import { renamedTo } from '../engine/param-table.js';
import { OPENAI_PARAM_TABLE } from '../openai/openai-param-table.js';

export const COMPATIBLE_BASE_TABLE: ParamTable = {
  ...OPENAI_PARAM_TABLE,
  max_tokens: undefined,
  max_completion_tokens: renamedTo('max_tokens', 'OpenAI-compatible servers read max_tokens'),
  messages: {
    transform: (value, _request, warn) => {
      const messages = value as ChatMessage[];
      if (!messages.some((message) => message.role === 'developer')) return messages;
      warn({ type: 'compat', param: 'messages', detail: 'the `developer` role was sent as `system`' });
      return messages.map((message) => (message.role === 'developer' ? { ...message, role: 'system' } : message));
    },
  },
};
