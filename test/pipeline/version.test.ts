import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/pipeline/version.js';

describe('TOOL_VERSION', () => {
  it('is the package version (run records and the simulated-answer cache carry it)', () => {
    expect(TOOL_VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});
