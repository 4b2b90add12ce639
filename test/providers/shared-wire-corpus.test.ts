/**
 * Every recorded body and stream in ../shared/fixtures/wire (the team's ground truth, real
 * recordings from public projects) read by our adapters: success bodies give an answer, error
 * bodies a classified error, streams fold to an answer or a classified in-stream error. Nothing
 * may throw unclassified. The corpus is not shipped with the package: without it this skips,
 * saying so; the trimmed copies in test/fixtures/providers keep the mapper tests running.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProviderError } from '../../src/core/errors.js';
import type { CandidateConfig } from '../../src/config/suite-schema.js';
import { resolveAdapter } from '../../src/providers/resolve-adapter.js';
import { chunksToSse, finishStream, foldSse, projectRoot } from './helpers/fixtures.js';

const corpus = path.resolve(projectRoot, '..', 'shared', 'fixtures', 'wire');
const present = existsSync(corpus);
if (!present) console.warn(`[skip] shared wire corpus not found at ${corpus}: the corpus sweep is skipped (test/fixtures/providers still covers the mappers)`);

const PROVIDER_OF: Record<string, CandidateConfig['provider']> = {
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'gemini',
  deepseek: 'deepseek',
  mistral: 'mistral',
  groq: 'groq',
  qwen: 'qwen',
  xai: 'openai-compatible',
  openrouter: 'openrouter',
};

function adapterFor(folder: string) {
  const provider = PROVIDER_OF[folder]!;
  return resolveAdapter({ id: folder, provider, model: 'm', ...(provider === 'openai-compatible' ? { base_url: 'http://127.0.0.1:1/v1' } : {}) } as CandidateConfig);
}

function isErrorBody(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('error' in value || (value as { type?: unknown }).type === 'error');
}

/** What the answer holds: enough to tell a real reading from an empty one. */
function describeAnswer(answer: ReturnType<typeof finishStream>): string {
  return `${answer.text.length} chars, ${answer.toolCalls.length} tool calls, finish ${answer.finishReason}${answer.refusal ? ', refusal' : ''}`;
}

/** Something was read: content, a refusal or block, a truncation, or an empty answer the provider marked as failed (Gemini `OTHER`). */
function hasContent(answer: ReturnType<typeof finishStream>): boolean {
  return (
    answer.text.length > 0 ||
    answer.toolCalls.length > 0 ||
    answer.refusal !== undefined ||
    ['content_filter', 'length', 'other'].includes(answer.finishReason)
  );
}

const folders = present ? readdirSync(corpus).filter((name) => PROVIDER_OF[name] !== undefined) : [];

describe.skipIf(!present)('the shared wire corpus through our adapters', () => {
  for (const folder of folders) {
    const adapter = adapterFor(folder);
    const files = readdirSync(path.join(corpus, folder));

    for (const file of files.filter((name) => name.endsWith('.chunks.txt'))) {
      it(`${folder}/${file} folds to an answer or a classified error`, async () => {
        const text = readFileSync(path.join(corpus, folder, file), 'utf8');
        const raw = /^(event|data):/m.test(text);
        const sse = raw ? text : chunksToSse(text, folder !== 'anthropic' && folder !== 'gemini', folder === 'anthropic');
        const { accumulator, errorBody } = await foldSse(adapter, sse);
        if (errorBody !== undefined) {
          expect(adapter.classifyError({ status: 200, headers: {}, body: errorBody, text: JSON.stringify(errorBody), receivedAt: 0 }).kind).toBeTruthy();
          return;
        }
        const answer = finishStream(accumulator);
        expect(hasContent(answer), describeAnswer(answer)).toBe(true);
      });
    }

    for (const file of files.filter((name) => name.endsWith('.sse.txt') || (folder === 'gemini' && name.endsWith('.txt') && !name.endsWith('.chunks.txt')))) {
      it(`${folder}/${file} (raw SSE) folds to an answer or a classified error`, async () => {
        const { accumulator, errorBody } = await foldSse(adapter, readFileSync(path.join(corpus, folder, file), 'utf8'));
        if (errorBody !== undefined) {
          expect(adapter.classifyError({ status: 200, headers: {}, body: errorBody, text: '', receivedAt: 0 }).kind).toBeTruthy();
          return;
        }
        const answer = finishStream(accumulator);
        expect(hasContent(answer), describeAnswer(answer)).toBe(true);
      });
    }

    for (const file of files.filter((name) => name.endsWith('.json') && !name.endsWith('.meta.json') && !name.startsWith('js-genai_') && !name.includes('cached-input-tokens'))) {
      it(`${folder}/${file} reads as an answer or a classified error`, () => {
        const body = JSON.parse(readFileSync(path.join(corpus, folder, file), 'utf8')) as unknown;
        if (isErrorBody(body) || adapter.isErrorBody(body)) {
          const info = adapter.classifyError({ status: 400, headers: {}, body, text: JSON.stringify(body), receivedAt: 0 });
          expect(info.kind).toMatch(/^[a-z_]+$/);
          return;
        }
        try {
          const answer = adapter.fromResponse(body);
          expect(hasContent(answer), describeAnswer(answer)).toBe(true);
          expect(answer.usage.input_tokens).toBeGreaterThanOrEqual(0);
        } catch (error) {
          // A body our minimal schema rejects must be a classified malformed_response, never a crash.
          expect(isProviderError(error) && error.info.kind).toBe('malformed_response');
          throw error;
        }
      });
    }
  }
});
