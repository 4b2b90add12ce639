import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import type { CanonicalRequest, ToolCall } from '../../src/core/types.js';
import { createValidators } from '../../src/validators/create-validators.js';
import { createFinishValidator } from '../../src/validators/finish.js';
import { createJudgeValidator } from '../../src/validators/judge.js';
import { createToolCallValidator } from '../../src/validators/tool-call.js';
import { makeInput } from './helpers.js';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures', 'validators');

const weather: CanonicalRequest = {
  messages: [{ role: 'user', content: 'weather in Paris?' }],
  tools: [
    {
      type: 'function',
      function: {
        name: 'get_weather',
        parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { enum: ['c', 'f'] } }, required: ['city'], additionalProperties: false },
      },
    },
    { type: 'function', function: { name: 'get_time' } },
  ],
};
const call = (name: string, rawArguments: string): ToolCall => ({ id: 'call_1', name, rawArguments, arguments: undefined });

describe('tool-call', () => {
  const validator = createToolCallValidator();
  const run = (toolCalls: ToolCall[], request: Partial<CanonicalRequest> = {}, expect_: Record<string, unknown> = {}) =>
    validator.validate(makeInput('', { request: { ...weather, ...request }, expect: expect_ }, { toolCalls }));

  it('passes a valid call and a text answer under tool_choice auto', async () => {
    expect((await run([call('get_weather', '{"city":"Paris","unit":"c"}')])).pass).toBe(true);
    expect((await run([])).pass).toBe(true);
  });

  it('fails unknown tools, broken JSON and schema violations with locations', async () => {
    expect(await run([call('get_wether', '{}')])).toMatchObject({ pass: false, categories: ['unknown_tool'] });
    const broken = await run([call('get_weather', '{"city": "Paris",}')]);
    expect(broken).toMatchObject({ categories: ['invalid_arguments'] });
    expect(broken.reasons[0]!.location).toBe('tool_calls[0].arguments 1:17');
    const mismatch = await run([call('get_weather', '{"unit":"k"}')]);
    expect(mismatch.categories).toEqual(['arguments_mismatch']);
    expect(mismatch.reasons.map((reason) => reason.location)).toEqual(['tool_calls[0].arguments/city', 'tool_calls[0].arguments/unit']);
  });

  it('respects tool_choice and parallel_tool_calls', async () => {
    expect(await run([], { tool_choice: 'required' })).toMatchObject({ pass: false, categories: ['no_tool_call'] });
    expect(await run([call('get_time', '')], { tool_choice: 'none' })).toMatchObject({ pass: false, categories: ['tool_choice'] });
    expect(await run([call('get_time', '')], { tool_choice: { type: 'function', function: { name: 'get_weather' } } })).toMatchObject({ pass: false, categories: ['tool_choice'] });
    const two = [call('get_time', ''), call('get_weather', '{"city":"x"}')];
    expect(await run(two, { parallel_tool_calls: false })).toMatchObject({ pass: false, categories: ['parallel_calls'] });
  });

  it('checks expect.tool', async () => {
    expect(await run([call('get_time', '')], {}, { tool: 'get_weather' })).toMatchObject({ pass: false, categories: ['wrong_tool'] });
    expect(await run([], {}, { tool: 'get_weather' })).toMatchObject({ pass: false, categories: ['no_tool_call'] });
  });

  it('is not applicable without tools', async () => {
    expect(await validator.validate(makeInput('hi'))).toMatchObject({ pass: true, categories: ['not_applicable'] });
  });
});

describe('finish', () => {
  it('fails truncation and content filters by default, passes stop, skips unknown', async () => {
    const validator = createFinishValidator();
    expect(await validator.validate(makeInput('x', {}, { finishReason: 'length' }))).toMatchObject({ pass: false, categories: ['truncated'] });
    expect(await validator.validate(makeInput('x', {}, { finishReason: 'content_filter' }))).toMatchObject({ pass: false, categories: ['content_filter'] });
    expect((await validator.validate(makeInput('x', {}, { finishReason: 'stop' }))).pass).toBe(true);
    expect(await validator.validate(makeInput('x'))).toMatchObject({ categories: ['not_applicable'] });
  });

  it('fails only what the suite lists', async () => {
    const [validator] = await createValidators([{ finish: { fail_on: ['content_filter'] } }], { baseDir: '.' });
    expect((await validator!.validate(makeInput('x', {}, { finishReason: 'length' }))).pass).toBe(true);
  });
});

describe('match', () => {
  const build = async (options: Record<string, unknown> | null) => (await createValidators([{ match: options }], { baseDir: '.' }))[0]!;

  it('equals the reference by default, after stripping reasoning and whitespace', async () => {
    const validator = await build(null);
    expect((await validator.validate(makeInput('<think>hmm</think>\n Paris \n', { expect: { reference: 'Paris' } }))).pass).toBe(true);
    expect(await validator.validate(makeInput('Lyon', { expect: { reference: 'Paris' } }))).toMatchObject({ pass: false, categories: ['mismatch'] });
    expect(await validator.validate(makeInput('Lyon'))).toMatchObject({ categories: ['not_applicable'] });
  });

  it('supports contains, starts-with and regex with literals or the reference', async () => {
    expect((await (await build({ contains: 'refund', ignore_case: true })).validate(makeInput('We issued a REFUND.'))).pass).toBe(true);
    expect((await (await build({ 'starts-with': true })).validate(makeInput('Yes, because…', { expect: { reference: 'Yes' } }))).pass).toBe(true);
    expect((await (await build({ regex: '^\\d{4}-\\d{2}$' })).validate(makeInput('2024-13x'))).pass).toBe(false);
  });

  it('rejects two operators and a bad regex', async () => {
    await expect(build({ equals: 'a', contains: 'b' })).rejects.toThrow(UserInputError);
    await expect(build({ regex: '(' })).rejects.toThrow(/regular expression/);
  });
});

describe('custom', () => {
  it('loads a module by path relative to the suite and normalizes its results', async () => {
    const [validator] = await createValidators([{ custom: { path: 'word-count.mjs', options: { max_words: 3 } } }], { baseDir: fixtures });
    expect(validator!.name).toBe('word-count');
    expect(await validator!.validate(makeInput('one two'))).toEqual({ validator: 'word-count', pass: true, categories: [], reasons: [] });
    expect(await validator!.validate(makeInput('one two three four'))).toMatchObject({ pass: false, categories: ['too_long'], reasons: [{ message: '4 words' }] });
  });

  it('reports a missing module as a user error and a malformed result as an error', async () => {
    await expect(createValidators([{ custom: { path: 'nope.mjs' } }], { baseDir: fixtures })).rejects.toThrow(UserInputError);
    const [bad] = await createValidators([{ custom: { path: 'bad-result.mjs' } }], { baseDir: fixtures });
    await expect(bad!.validate(makeInput('x'))).rejects.toThrow(/expected a boolean/);
  });
});

describe('judge', () => {
  const options = { candidate: 'grader', rubric: 'Is it polite?', pass_score: 0.7, max_tokens: 100 };

  it('sends the answer as quoted data and reads the score, reason and cost', async () => {
    const seen: Array<{ request: CanonicalRequest; candidate: string }> = [];
    const validator = createJudgeValidator(options, async (request, candidate) => {
      seen.push({ request, candidate });
      return { text: '```json\n{"score": 0.9, "reason": "Polite and correct."}\n```', costUsd: 0.0012 };
    });
    const verdict = await validator.validate(makeInput('<think>x</think>Sure, happy to help!', { request: { messages: [{ role: 'user', content: 'hi' }] } }));
    expect(verdict).toEqual({ validator: 'judge', pass: true, score: 0.9, categories: [], reasons: [{ message: 'Polite and correct.' }], cost_usd: 0.0012 });
    expect(seen[0]!.candidate).toBe('grader');
    const prompt = seen[0]!.request.messages[1]!.content as string;
    expect(prompt).toContain('<<<ANSWER\nSure, happy to help!\nANSWER>>>');
    expect(prompt).not.toContain('<think>');
  });

  it('fails below the pass score, rescales 1–10 scores, and does not count an unreadable judge', async () => {
    const low = createJudgeValidator(options, async () => ({ text: '{"score": 4, "reason": "Curt."}', costUsd: 0 }));
    expect(await low.validate(makeInput('no.'))).toMatchObject({ pass: false, score: 0.4, categories: ['below_pass_score'] });
    const confused = createJudgeValidator(options, async () => ({ text: 'I think it is fine.', costUsd: 0.001 }));
    expect(await confused.validate(makeInput('ok'))).toMatchObject({ pass: true, categories: ['not_applicable', 'judge_error'] });
  });

  it('cannot be created without a judge call', async () => {
    await expect(createValidators([{ judge: options }], { baseDir: '.' })).rejects.toThrow(UserInputError);
  });
});
