import { describe, expect, it } from 'vitest';
import { applyParamTable, renamedTo, type ParamTable } from '../../src/providers/engine/param-table.js';

const table: ParamTable = {
  temperature: { to: 'config.temperature', range: [0, 1] },
  max_tokens: { default: 1024 },
  seed: { unsupported: 'no seed here' },
  stop: renamedTo('stop_sequences', 'named differently'),
  tools: { transform: () => undefined },
};
const context = { model: 'm', stream: false, rawParamKeys: new Set(['top_k']) };

describe('applyParamTable', () => {
  it('maps, clamps, defaults, drops and renames, each with a warning', () => {
    const { body, warnings } = applyParamTable(table, { messages: [], temperature: 1.7, seed: 1, stop: ['x'], top_k: 5, mystery: true, tools: [] }, context, { passUnknown: false });
    expect(body).toEqual({ config: { temperature: 1 }, max_tokens: 1024, stop_sequences: ['x'], top_k: 5 });
    expect(warnings.map((warning) => `${warning.type}:${warning.param}`)).toEqual([
      'defaulted:max_tokens',
      'unsupported:messages',
      'clamped:temperature',
      'unsupported:seed',
      'compat:stop',
      'unsupported:mystery',
    ]);
  });

  it('passes unknown keys through for OpenAI-shaped bodies', () => {
    expect(applyParamTable({}, { messages: [], logit_bias: { 1: 1 } }, context, { passUnknown: true })).toEqual({ body: { messages: [], logit_bias: { 1: 1 } }, warnings: [] });
  });
});
