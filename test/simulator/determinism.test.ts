import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const started: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((simulator) => simulator.close()));
});

async function start(seed = 7): Promise<RunningSimulator> {
  const simulator = await startSimulator({
    seed,
    latencyScale: 0,
    models: [{ name: 'm', simulate: { quality: 0.5, latency_ms: { p50: 10, p95: 20 }, errors: { rate_limited: 0.2, server_error: 0.1 } } }],
  });
  started.push(simulator);
  return simulator;
}

async function ask(simulator: RunningSimulator, content: string, key?: string): Promise<string> {
  const response = await fetch(`${simulator.baseUrls.openai}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-chainproof-key': key } : {}) },
    body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content }] }),
  });
  const text = await response.text();
  if (response.status !== 200) return `${response.status}`;
  return (JSON.parse(text) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content;
}

const prompts = Array.from({ length: 30 }, (_, index) => `Question number ${index} about my invoice`);

describe('determinism', () => {
  it('gives the same answers for the same seed whatever the arrival order', async () => {
    const first = await start();
    const inOrder: string[] = [];
    for (const prompt of prompts) inOrder.push(await ask(first, prompt));
    const second = await start();
    const reversed = await Promise.all([...prompts].reverse().map((prompt) => ask(second, prompt)));
    expect(reversed.reverse()).toEqual(inOrder);
    // The dice did throw different outcomes across prompts (the test would be vacuous otherwise).
    expect(new Set(inOrder).size).toBeGreaterThan(5);
    expect(inOrder.some((answer) => answer === '429' || answer === '500')).toBe(true);
  });

  it('changes with the seed', async () => {
    const one = await start(1);
    const two = await start(2);
    const a = await Promise.all(prompts.map((prompt) => ask(one, prompt)));
    const b = await Promise.all(prompts.map((prompt) => ask(two, prompt)));
    expect(a).not.toEqual(b);
  });

  it('treats a repeat of the same body as a new throw, reproducibly', async () => {
    const first = await start();
    const repeats = [];
    for (let index = 0; index < 8; index++) repeats.push(await ask(first, 'Same question'));
    expect(new Set(repeats).size).toBeGreaterThan(1);
    const second = await start();
    const again = [];
    for (let index = 0; index < 8; index++) again.push(await ask(second, 'Same question'));
    expect(again).toEqual(repeats);
  });

  it('keys the dice by x-chainproof-key when the runner sends it', async () => {
    const simulator = await start();
    const a = await ask(simulator, 'Same question', 'case-1/0/0');
    const b = await ask(simulator, 'Same question', 'case-1/0/0');
    expect(b).toBe(a);
    const tries = await Promise.all(Array.from({ length: 8 }, (_, index) => ask(simulator, 'Same question', `case-1/0/${index}`)));
    expect(new Set(tries).size).toBeGreaterThan(1);
  });
});
