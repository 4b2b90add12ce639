import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/cli/collect-garbage.js';

describe('collectGarbage', () => {
  it('frees what a finished phase left behind', () => {
    let garbage: number[][] | undefined = Array.from({ length: 200 }, () => Array.from({ length: 50_000 }, (_, index) => index + 0.5));
    const before = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(200);
    garbage = undefined;
    collectGarbage();
    collectGarbage(); // a second call reuses the same collector
    const after = process.memoryUsage().heapUsed;
    expect(before - after).toBeGreaterThan(40 * 1024 * 1024);
  });
});
