import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressReporter, formatDuration, formatProgressLine, type RunProgress } from '../../src/runner/index.js';

function makeProgress(extra: Partial<RunProgress> = {}): RunProgress {
  return { done: 0, skipped: 0, calls: 0, cacheHits: 0, inFlight: 0, errorsByKind: {}, retriesByKind: {}, spentUsd: 0, elapsedMs: 0, endpoints: {}, ...extra };
}

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(new Writable({ write: (chunk, _encoding, done) => (chunks.push(String(chunk)), done()) }), { isTTY, columns: 200 });
  return { stream, chunks };
}

describe('formatProgressLine', () => {
  it('shows done/total, rate, errors by kind, spend, ETA and the simulated label', () => {
    const line = formatProgressLine(
      makeProgress({ done: 300, total: 1_200, calls: 320, errorsByKind: { timeout: 2, rate_limited: 5 }, retriesByKind: { rate_limited: 9 }, spentUsd: 0.12345, elapsedMs: 65_000 }),
      { callsPerSecond: 12.34, donePerSecond: 10 },
      { simulated: true },
    );
    expect(line).toBe('[#####---------------] 300/1200 25% · 12.3 calls/s · errors rate_limited 5, timeout 2 · retried rate_limited 9 · $0.1235 · ETA 1m30s · 1m05s · simulated');
  });
  it('counts resumed attempts in the bar of a resumed run', () => {
    const line = formatProgressLine(makeProgress({ done: 3, skipped: 157, total: 160 }), { callsPerSecond: 1, donePerSecond: 1 }, { simulated: false });
    expect(line).toMatch(/^\[#{20}\] 160\/160 100% · 157 resumed/);
    expect(line).not.toContain('ETA');
  });
  it('says why it is stopping', () => {
    expect(formatProgressLine(makeProgress({ stopping: 'budget' }), { callsPerSecond: 0, donePerSecond: 0 }, { simulated: false })).toMatch(/stopping: budget reached$/);
  });
  it('formats durations', () => {
    expect([0, 999, 61_000, 3_720_000].map(formatDuration)).toEqual(['0s', '1s', '1m01s', '1h02m']);
  });
});

describe('createProgressReporter', () => {
  it('redraws one line on a TTY, throttled, and ends it with a newline', () => {
    let time = 0;
    const { stream, chunks } = capture(true);
    const reporter = createProgressReporter({ stream, now: () => time });
    reporter.onProgress(makeProgress({ done: 1, total: 10 }));
    time = 50;
    reporter.onProgress(makeProgress({ done: 2, total: 10 }));
    time = 200;
    reporter.onProgress(makeProgress({ done: 3, total: 10 }));
    reporter.stop();
    expect(chunks).toHaveLength(3);
    expect(chunks.every((chunk) => chunk.startsWith('\r\x1b[2K'))).toBe(true);
    expect(chunks[1]).toContain('3/10');
    expect(chunks[2]!.endsWith('\n')).toBe(true);
  });
  it('prints plain lines, not one per attempt, when not a TTY; nothing when quiet', () => {
    let time = 0;
    const plain = capture(false);
    const reporter = createProgressReporter({ stream: plain.stream, now: () => time });
    for (let done = 1; done <= 100; done += 1) reporter.onProgress(makeProgress({ done, total: 100 }));
    reporter.stop();
    expect(plain.chunks).toHaveLength(1);
    expect(plain.chunks[0]).not.toContain('\r');
    const quiet = capture(true);
    const silent = createProgressReporter({ stream: quiet.stream, mode: 'quiet' });
    silent.onProgress(makeProgress({ done: 1 }));
    silent.stop();
    expect(quiet.chunks).toEqual([]);
  });
  it('ends a short run with its whole-run rate, not 0.0 calls/s from a one-sample window', () => {
    const plain = capture(false);
    const reporter = createProgressReporter({ stream: plain.stream, now: () => 0 });
    reporter.onProgress(makeProgress({ done: 36, total: 36, calls: 37, elapsedMs: 3_000 }));
    reporter.stop();
    expect(plain.chunks).toHaveLength(1);
    expect(plain.chunks[0]).toContain('12.3 calls/s');
  });
});
