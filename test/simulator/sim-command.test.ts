import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

function createIO(cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += String(chunk)));
  stderr.on('data', (chunk) => (err += String(chunk)));
  const controller = new AbortController();
  return { io: { stdout, stderr, env: {}, cwd, signal: controller.signal }, controller, output: () => out, errors: () => err };
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !check(); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('chainproof sim', () => {
  it('prints base URLs and models, serves requests and stops on abort', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sim-'));
    await writeFile(path.join(dir, 'scenario.yaml'), 'models:\n  - name: my-model\n    simulate: {quality: 1, latency_ms: {p50: 0, p95: 0}}\n');
    const { io, controller, output } = createIO(dir);
    const exit = runCli(['sim', '--port', '0', '--scenario', 'scenario.yaml', '--seed', '4'], io);
    await waitFor(() => output().includes('Models:'));
    expect(output()).toContain('Models: my-model');
    const openaiBase = /OpenAI chat completions\s+base URL (\S+)/.exec(output())![1]!;
    expect(output()).toMatch(/Anthropic Messages\s+base URL http:\/\/127\.0\.0\.1:\d+/);
    const response = await fetch(`${openaiBase}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'my-model', messages: [{ role: 'user', content: 'hi' }] }) });
    expect(response.status).toBe(200);
    controller.abort();
    expect(await exit).toBe(0);
    expect(output()).toContain('simulator stopped');
  });

  it('serves the built-in models without a scenario', async () => {
    const { io, controller, output } = createIO(process.cwd());
    const exit = runCli(['sim', '--port', '0'], io);
    await waitFor(() => output().includes('Models:'));
    expect(output()).toMatch(/Models: sim-large, sim-small, sim-sonnet, sim-flash/);
    controller.abort();
    expect(await exit).toBe(0);
  });

  it('exits 2 on a bad scenario file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sim-'));
    await writeFile(path.join(dir, 'bad.yaml'), 'outagez: []\n');
    const { io, errors } = createIO(dir);
    expect(await runCli(['sim', '--port', '0', '--scenario', 'bad.yaml'], io)).toBe(2);
    expect(errors()).toMatch(/bad\.yaml.*outagez/);
  });
});
