/**
 * The real open-source Portkey gateway (npm @portkey-ai/gateway) as a child process on loopback,
 * for the end-to-end failover tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAUNCHER = path.join(projectRoot, 'test', 'e2e', 'portkey-launch.mjs');

export interface RunningGateway {
  url: string;
  stop(): void;
}

export async function findFreePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the gateway and waits for its greeting; undefined when it cannot start (the caller skips). */
export async function startPortkeyGateway(timeoutMs = 20_000): Promise<RunningGateway | undefined> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, [LAUNCHER, `--port=${port}`], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Drain its output so a chatty gateway never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited) {
    const ready = await fetch(`${url}/`).then(
      async (response) => (await response.text()).includes('AI Gateway'),
      () => false,
    );
    if (ready) return { url, stop: () => child.kill('SIGTERM') };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGTERM');
  return undefined;
}
