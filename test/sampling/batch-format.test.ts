import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleLogs } from '../../src/sampling/index.js';
import { createTempDir, FIXTURES, options, writeLog } from './helpers.js';

const RECORDED = join(FIXTURES, 'recorded');

describe('batch API input files', () => {
  it('reads an OpenAI batch input file (written by the OpenAI cookbook\'s code) in the dialect of its url', async () => {
    const result = await sampleLogs(options([join(RECORDED, 'batch-openai-cookbook.jsonl')]));
    expect(result.inputs[0]!.format).toBe('batch');
    expect(result.cases.map((sampled) => sampled.id)).toEqual(['qa-T-001', 'qa-T-002']);
    const [first] = result.cases;
    // /v1/responses: instructions → system, the string input → the user turn, Responses parameters mapped.
    expect(first!.request.messages[0]).toEqual({ role: 'system', content: 'Return concise internal support QA tags and a one-sentence summary.' });
    expect(first!.request.messages[1]!.role).toBe('user');
    expect(String(first!.request.messages[1]!.content)).toContain('Where is order O-1001?');
    expect(first!.request).toMatchObject({ max_completion_tokens: 160, reasoning_effort: 'low' });
    expect(result.conversions.converted).toEqual({ 'openai-responses': 2 });
  });

  it('reads Anthropic Message Batches and Gemini batch lines, and skips output lines with a note', async () => {
    const dir = createTempDir();
    // Written to the documented request shapes of each batch API.
    const file = writeLog(dir, 'batches.jsonl', [
      { custom_id: 'a-1', params: { model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Hello, world' }] } },
      { custom_id: 'a-2', params: { model: 'claude-sonnet-4-5', max_tokens: 512, system: 'Be brief.', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], top_k: 5 } },
      { custom_id: 'a-3', result: { type: 'succeeded', message: { content: [{ type: 'text', text: 'Hello!' }] } } },
    ]);
    const anthropic = await sampleLogs(options([file]));
    expect(anthropic.cases.map((sampled) => sampled.id)).toEqual(['a-1', 'a-2']);
    expect(anthropic.cases[1]!.request).toMatchObject({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], max_tokens: 512 });
    expect(anthropic.conversions).toMatchObject({ converted: { 'anthropic-messages': 2 }, dropped: { top_k: 1 } });
    expect(anthropic.counts.skipped_without_body).toBe(1);
    expect(anthropic.warnings[0]).toMatchObject({ first: { line: 3 }, message: expect.stringContaining('pass the batch input file') });

    const gemini = writeLog(dir, 'gemini-batch.jsonl', [
      { key: 'g-1', request: { contents: [{ role: 'user', parts: [{ text: 'Describe the process of photosynthesis.' }] }], generationConfig: { temperature: 0.3 } } },
    ]);
    const fromGemini = await sampleLogs(options([gemini]));
    expect(fromGemini.inputs[0]!.format).toBe('batch');
    expect(fromGemini.cases[0]).toMatchObject({ id: 'g-1', request: { messages: [{ role: 'user', content: 'Describe the process of photosynthesis.' }], temperature: 0.3 } });
  });
});
