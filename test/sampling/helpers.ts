import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SampleOptions } from '../../src/sampling/index.js';

export const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'logs');

export function createTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'chainproof-sample-'));
}

/** Writes JSON lines to a temporary file and returns its path. */
export function writeLog(dir: string, name: string, lines: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n');
  return path;
}

export function options(files: string[], extra: Partial<SampleOptions> = {}): SampleOptions {
  return { files, n: 10, seed: '1', allocation: 'proportional', minPerStratum: 0, scrubPii: false, ...extra };
}

/** A dataset line whose prompt is `text`. */
export function caseLine(id: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, request: { messages: [{ role: 'user', content: text }] }, ...extra };
}
