import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { chooseListProtocol, matchCompletionPath, normalizePath } from '../../src/simulator/routes.js';

describe('normalizePath', () => {
  it.each([
    ['/v1/chat/completions', 'openai'],
    ['/openai/v1/chat/completions', 'openai'],
    ['/chat/completions', 'openai'],
    ['/v1/messages', 'anthropic'],
    ['/anthropic/v1/v1/messages', 'anthropic'],
    ['/messages', 'anthropic'],
    ['/v1beta/models/m:generateContent', 'gemini'],
    ['/gemini/v1beta/v1beta/models/m:streamGenerateContent', 'gemini'],
    ['/gemini/v1/models/m:generateContent', 'gemini'],
    ['/models/m:generateContent', 'gemini'],
  ])('%s speaks %s', (path, protocol) => {
    expect(matchCompletionPath(normalizePath(path).tail)?.protocol).toBe(protocol);
  });

  it('tells the three model lists apart', () => {
    expect(chooseListProtocol(normalizePath('/v1/models'), {})).toBe('openai');
    expect(chooseListProtocol(normalizePath('/v1/models'), { 'anthropic-version': '2023-06-01' })).toBe('anthropic');
    expect(chooseListProtocol(normalizePath('/v1beta/models'), {})).toBe('gemini');
    expect(chooseListProtocol(normalizePath('/anthropic/v1/models'), {})).toBe('anthropic');
  });
});

describe('base URL conventions over HTTP', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({ latencyScale: 0, models: [{ name: 'm', simulate: { quality: 1, latency_ms: { p50: 0, p95: 0 }, errors: {} } }] });
  });
  afterAll(() => simulator.close());

  const anthropicHeaders = { 'x-api-key': 'k', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };
  const anthropicBody = JSON.stringify({ model: 'm', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] });
  const geminiBody = JSON.stringify({ contents: [{ parts: [{ text: 'hi' }] }] });

  it('advertises per-protocol base URLs that our adapters join with their paths', async () => {
    expect(simulator.baseUrls.anthropic).toBe(`${simulator.url}/anthropic/v1`);
    const anthropic = await fetch(`${simulator.baseUrls.anthropic}/messages`, { method: 'POST', headers: anthropicHeaders, body: anthropicBody });
    expect(anthropic.status).toBe(200);
    const gemini = await fetch(`${simulator.baseUrls.gemini}/models/m:generateContent`, { method: 'POST', headers: { 'x-goog-api-key': 'k' }, body: geminiBody });
    expect(gemini.status).toBe(200);
    const openai = await fetch(`${simulator.baseUrls.openai}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }) });
    expect(openai.status).toBe(200);
  });

  it('answers the same request the same way whatever the base URL', async () => {
    const viaPrefix = await (await fetch(`${simulator.url}/anthropic/v1/messages`, { method: 'POST', headers: { ...anthropicHeaders, 'x-chainproof-key': 'k1' }, body: anthropicBody })).json();
    const viaPlain = await (await fetch(`${simulator.url}/v1/messages`, { method: 'POST', headers: { ...anthropicHeaders, 'x-chainproof-key': 'k1' }, body: anthropicBody })).json();
    expect(viaPlain).toEqual(viaPrefix);
  });

  it('lists models in each provider shape', async () => {
    expect(await (await fetch(`${simulator.url}/openai/v1/models`)).json()).toMatchObject({ object: 'list', data: [{ id: 'm' }] });
    expect(await (await fetch(`${simulator.url}/anthropic/v1/models`)).json()).toMatchObject({ data: [{ type: 'model', id: 'm' }], has_more: false });
    expect(await (await fetch(`${simulator.url}/v1beta/models`)).json()).toMatchObject({ models: [{ name: 'models/m' }] });
    expect(await (await fetch(`${simulator.url}/v1/models/m`)).json()).toMatchObject({ id: 'm', object: 'model' });
    expect((await fetch(`${simulator.url}/v1/models/unknown`)).status).toBe(404);
  });
});
