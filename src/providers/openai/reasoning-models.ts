/**
 * OpenAI reasoning models (o1, o3, o4-mini, gpt-5…) reject the sampling parameters and
 * `max_tokens` (recorded 400 `unsupported_parameter`), and the oldest ones (o1-mini, o1-preview)
 * reject system messages. Whether a candidate is one is its own `reasoning` setting; the short
 * list below is used only when the candidate says nothing, and matches exact ids (a dated
 * snapshot suffix aside), never a prefix: `o3-custom-deployment` is not assumed to be o3.
 */
import type { ChatMessage } from '../../core/types.js';
import type { AdapterContext } from '../adapter.js';
import type { ParamTable, Warn } from '../engine/param-table.js';
import { renamedTo } from '../engine/param-table.js';

/** `true`: a reasoning model; `'no-system'`: one that also rejects system messages. */
export type ReasoningMode = boolean | 'no-system';

/** Known ids at the price-table date; a candidate's `reasoning` setting always wins. */
export const KNOWN_REASONING_MODELS: Readonly<Record<string, Exclude<ReasoningMode, false>>> = {
  'o1-mini': 'no-system',
  'o1-preview': 'no-system',
  o1: true,
  'o1-pro': true,
  o3: true,
  'o3-mini': true,
  'o3-pro': true,
  'o4-mini': true,
  'gpt-5': true,
  'gpt-5-mini': true,
  'gpt-5-nano': true,
  'gpt-5-pro': true,
};

export const REASONING_REJECTED_PARAMS = ['temperature', 'top_p', 'presence_penalty', 'frequency_penalty', 'logprobs', 'top_logprobs'] as const;

export interface ResolvedReasoning {
  mode: ReasoningMode;
  /** Said in every warning, so the report shows why parameters went missing. */
  because: string;
}

export function resolveReasoningMode(context: AdapterContext): ResolvedReasoning {
  if (context.reasoning !== undefined) return { mode: context.reasoning, because: `candidate setting reasoning: ${JSON.stringify(context.reasoning)}` };
  const known = KNOWN_REASONING_MODELS[context.model] ?? KNOWN_REASONING_MODELS[context.model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  if (known === undefined) return { mode: false, because: 'not a known reasoning model' };
  return { mode: known, because: `"${context.model}" is a known reasoning model; set reasoning: false on the candidate if it is not` };
}

/** The preset's table with the parameters a reasoning model rejects dropped, and max_completion_tokens kept. */
export function toReasoningTable(table: ParamTable, because: string): ParamTable {
  const out: Record<string, ParamTable[string]> = { ...table };
  for (const param of REASONING_REJECTED_PARAMS) out[param] = { unsupported: `reasoning models reject ${param}; dropped (${because})` };
  out.max_tokens = renamedTo('max_completion_tokens', `reasoning models reject max_tokens (${because})`);
  out.max_completion_tokens = {};
  return out;
}

/** o1-mini / o1-preview: system and developer messages go as user messages. */
export function toUserInsteadOfSystem(messages: ChatMessage[], because: string, warn: Warn): ChatMessage[] {
  if (!messages.some((message) => message.role === 'system' || message.role === 'developer')) return messages;
  warn({ type: 'compat', param: 'messages', detail: `system/developer messages sent as user messages: this model rejects system messages (${because})` });
  return messages.map((message) => (message.role === 'system' || message.role === 'developer' ? { ...message, role: 'user' } : message));
}
