import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import { loadScenarioFile, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

let running: RunningSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const quiet = { quality: 1, latency_ms: { p50: 0, p95: 0 }, errors: {} };

async function status(simulator: RunningSimulator, model: string, content = 'hello'): Promise<number> {
  const response = await fetch(`${simulator.baseUrls.openai}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('scenario: outages and scheduled faults', () => {
  it('fails every model sharing an infra tag inside the outage window, and only there', async () => {
    let clock = 0;
    running = await startSimulator({
      latencyScale: 0,
      now: () => clock,
      models: [
        { name: 'a', infra: { cloud: 'east' }, simulate: quiet },
        { name: 'b', infra: { cloud: 'east' }, simulate: quiet },
        { name: 'c', infra: { cloud: 'west' }, simulate: quiet },
      ],
      scenario: { outages: [{ infra: { cloud: 'east' }, start_ms: 1000, end_ms: 2000 }] },
    });
    expect([await status(running, 'a'), await status(running, 'b'), await status(running, 'c')]).toEqual([200, 200, 200]);
    clock = 1500;
    expect([await status(running, 'a', 'x'), await status(running, 'b', 'x'), await status(running, 'c', 'x')]).toEqual([503, 503, 200]);
    clock = 2000;
    expect([await status(running, 'a', 'y'), await status(running, 'b', 'y')]).toEqual([200, 200]);
    expect(running.stats().models.a!.byFault.unavailable).toBe(1);
  });

  it('follows the real clock when none is injected', async () => {
    running = await startSimulator({ latencyScale: 0, models: [{ name: 'a', simulate: quiet }], scenario: { outages: [{ model: 'a', start_ms: 0, end_ms: 250 }] } });
    expect(await status(running, 'a')).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await status(running, 'a', 'later')).toBe(200);
  });

  it('applies an outage fault kind to one model', async () => {
    let clock = 0;
    running = await startSimulator({ latencyScale: 0, now: () => clock, models: [{ name: 'a', simulate: quiet }, { name: 'b', simulate: quiet }], scenario: { outages: [{ model: 'a', start_ms: 0, end_ms: 10, fault: 'rate_limited' }] } });
    expect(await status(running, 'a')).toBe(429);
    expect(await status(running, 'b')).toBe(200);
    clock = 10;
    expect(await status(running, 'a', 'again')).toBe(200);
  });

  it('fires scheduled faults on given request ordinals and every Nth request', async () => {
    running = await startSimulator({
      latencyScale: 0,
      models: [{ name: 'a', simulate: quiet }],
      scenario: { faults: [{ model: 'a', fault: 'server_error', requests: [2] }, { model: 'a', fault: 'bad_gateway', every: 4 }] },
    });
    const statuses = [];
    for (let index = 0; index < 8; index++) statuses.push(await status(running, 'a', `q${index}`));
    expect(statuses).toEqual([200, 500, 200, 502, 200, 200, 200, 502]);
  });

  it('reports requests by model, status and fault on GET /__stats', async () => {
    running = await startSimulator({ latencyScale: 0, models: [{ name: 'a', simulate: quiet }], scenario: { faults: [{ fault: 'server_error', every: 2 }] } });
    for (let index = 0; index < 4; index++) await status(running, 'a', `q${index}`);
    const stats = (await (await fetch(`${running.url}/__stats`)).json()) as { requests: number; models: Record<string, { byStatus: Record<string, number>; byFault: Record<string, number> }> };
    expect(stats.requests).toBe(4);
    expect(stats.models.a!.byStatus).toEqual({ 200: 2, 500: 2 });
    expect(stats.models.a!.byFault).toEqual({ server_error: 2 });
  });

  it('serves the models a scenario defines', async () => {
    running = await startSimulator({ latencyScale: 0, models: [], scenario: { models: [{ name: 'from-scenario', simulate: { quality: 1 } }] } });
    expect(running.models).toEqual(['from-scenario']);
    expect(await status(running, 'from-scenario')).toBe(200);
  });
});

describe('loadScenarioFile', () => {
  it('reads a YAML scenario', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scenario-'));
    const file = path.join(dir, 'ok.yaml');
    await writeFile(file, 'seed: 3\nmodels:\n  - name: m\n    simulate: {quality: 0.5}\noutages:\n  - {model: m, start_ms: 0, end_ms: 100}\n');
    const scenario = await loadScenarioFile(file);
    expect(scenario.seed).toBe(3);
    expect(scenario.outages[0]!.fault).toBe('unavailable');
    expect(scenario.models![0]!.simulate.latency_ms).toEqual({ p50: 300, p95: 900 });
  });

  it('names file, line and field of a mistake', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scenario-'));
    const file = path.join(dir, 'bad.yaml');
    await writeFile(file, 'outages:\n  - model: m\n    start_ms: 0\n    end_ms: 100\n    fault: meltdown\n');
    const error = await loadScenarioFile(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserInputError);
    const message = (error as UserInputError).format();
    expect(message).toContain(`${file}:5:5 outages[0].fault`);
  });

  it('suggests the closest key for a misspelled one, at its own line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scenario-'));
    const file = path.join(dir, 'typo.yaml');
    await writeFile(file, 'outages:\n  - model: m\n    start_ms: 0\n    end_mss: 100\n');
    const message = ((await loadScenarioFile(file).catch((caught: unknown) => caught)) as UserInputError).format();
    expect(message).toContain(`${file}:4:5 outages[0].end_mss: unknown key "end_mss" — Did you mean "end_ms"?`);
  });

  it('rejects an outage that ends before it starts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scenario-'));
    const file = path.join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ outages: [{ start_ms: 50, end_ms: 10 }] }));
    const error = (await loadScenarioFile(file).catch((caught: unknown) => caught)) as UserInputError;
    expect(error.format()).toMatch(/end_ms must be after start_ms/);
  });
});

describe('the documented example scenario', () => {
  it('is valid and describes a correlated outage', async () => {
    const scenario = await loadScenarioFile(fileURLToPath(new URL('../../docs/simulator.example.yaml', import.meta.url)));
    expect(scenario.models!.map((model) => model.name)).toEqual(['gpt-sim', 'claude-sim', 'gemini-sim']);
    expect(scenario.outages[0]!.infra).toEqual({ cloud: 'aws-us-east-1' });
  });
});

describe('simulated models from suite candidates', () => {
  it('maps simulated candidates to specs and rejects two conflicting ones', async () => {
    const { toSimulatedModelSpecs } = await import('../../src/simulator/index.js');
    const specs = toSimulatedModelSpecs([
      { id: 'a', provider: 'simulated', model: 'sim-a', simulate: { quality: 0.8, latency_ms: { p50: 1, p95: 2 }, errors: {} }, infra: { cloud: 'x' } },
      { id: 'real', provider: 'openai', model: 'gpt-4o' },
      { id: 'b', provider: 'simulated', model: 'sim-b' },
    ]);
    expect(specs.map((spec) => spec.name)).toEqual(['sim-a', 'sim-b']);
    expect(specs[0]!.infra).toEqual({ cloud: 'x' });
    expect(specs[1]!.simulate.quality).toBe(0.9);
    expect(() =>
      toSimulatedModelSpecs([
        { id: 'a', provider: 'simulated', model: 'same', simulate: { quality: 0.8, latency_ms: { p50: 1, p95: 2 }, errors: {} } },
        { id: 'b', provider: 'simulated', model: 'same', simulate: { quality: 0.5, latency_ms: { p50: 1, p95: 2 }, errors: {} } },
      ]),
    ).toThrow(UserInputError);
  });

  it('refuses two models with the same name', async () => {
    await expect(startSimulator({ models: [{ name: 'x', simulate: quiet }, { name: 'x', simulate: quiet }] })).rejects.toThrow(/two simulated models are named "x"/);
  });
});
