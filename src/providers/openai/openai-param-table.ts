/**
 * OpenAI chat-completions parameters. The canonical request already is this shape, so most keys
 * pass through; the table says what changes. Compatible presets start from this table and
 * override entries ("OpenAI's table minus these, plus these").
 */
import type { ParamTable } from '../engine/param-table.js';

/** Keys chainproof decides itself: the dataset's value is replaced, not sent. */
const decidedByChainproof = { transform: () => undefined } as const;

export const OPENAI_PARAM_TABLE: ParamTable = {
  model: decidedByChainproof,
  stream: decidedByChainproof,
  stream_options: decidedByChainproof,
  temperature: { range: [0, 2] },
  top_p: { range: [0, 1] },
  presence_penalty: { range: [-2, 2] },
  frequency_penalty: { range: [-2, 2] },
  // max_tokens passes through: OpenAI's chat models still take it, and a rename would be noise on
  // every attempt. Reasoning models reject it; their table (reasoning-models.ts) renames it to
  // max_completion_tokens, with a warning, because that one also counts reasoning tokens.
};
