/**
 * Progress on stderr: a live one-line bar on a TTY, a plain line every few seconds otherwise (CI
 * logs keep every line, so a bar's carriage returns would be noise), nothing when quiet.
 */
import type { RunProgress } from './types.js';

export type ProgressMode = 'tty' | 'plain' | 'quiet';

export interface ProgressReporterOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Default: `tty` when the stream is a TTY, else `plain`. */
  mode?: ProgressMode | 'auto';
  /** Plain mode: one line this often (default 5 s). */
  plainIntervalMs?: number;
  now?: () => number;
  /** Adds "simulated" to every line. */
  simulated?: boolean;
}

export interface ProgressReporter {
  onProgress(progress: RunProgress): void;
  /** Prints the last state and releases the timer. */
  stop(): void;
}

const TTY_REFRESH_MS = 100;
const RATE_WINDOW_MS = 10_000;

export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const mode = options.mode === undefined || options.mode === 'auto' ? (options.stream.isTTY ? 'tty' : 'plain') : options.mode;
  const now = options.now ?? (() => performance.now());
  if (mode === 'quiet') return { onProgress: () => undefined, stop: () => undefined };
  const samples: Array<{ at: number; calls: number; done: number }> = [];
  let last: RunProgress | undefined;
  let lastRenderAt = Number.NEGATIVE_INFINITY;
  let printedAt = now();

  const render = (final: boolean) => {
    if (!last) return;
    const at = now();
    samples.push({ at, calls: last.calls, done: last.done });
    while (samples.length > 2 && samples[0]!.at < at - RATE_WINDOW_MS) samples.shift();
    // The final line, and any line before the window holds two samples, shows the whole run's rate
    // (a short run in plain mode renders once: a window rate would read 0.0 calls/s).
    const rates = final || samples.length < 2 ? measureOverallRates(last) : measureRates(samples);
    const line = formatProgressLine(last, rates, { simulated: options.simulated ?? false });
    if (mode === 'tty') {
      const width = Math.max(20, (options.stream.columns ?? 120) - 1);
      options.stream.write(`\r\x1b[2K${line.slice(0, width)}${final ? '\n' : ''}`);
    } else {
      options.stream.write(`${line}\n`);
    }
    lastRenderAt = at;
    printedAt = at;
  };

  const interval = mode === 'tty' ? 1_000 : (options.plainIntervalMs ?? 5_000);
  // Keeps the line (elapsed, rate, ETA) moving while no attempt ends, e.g. during a provider pause.
  const timer = setInterval(() => {
    if (now() - printedAt >= interval - 1) render(false);
  }, Math.min(interval, 1_000));
  timer.unref();

  return {
    onProgress(progress) {
      last = progress;
      if (mode === 'tty' && now() - lastRenderAt >= TTY_REFRESH_MS) render(false);
    },
    stop() {
      clearInterval(timer);
      render(true);
    },
  };
}

export interface ProgressRates {
  callsPerSecond: number;
  donePerSecond: number;
}

export function measureRates(samples: ReadonlyArray<{ at: number; calls: number; done: number }>): ProgressRates {
  if (samples.length < 2) return { callsPerSecond: 0, donePerSecond: 0 };
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const seconds = (last.at - first.at) / 1_000;
  if (seconds <= 0) return { callsPerSecond: 0, donePerSecond: 0 };
  return { callsPerSecond: (last.calls - first.calls) / seconds, donePerSecond: (last.done - first.done) / seconds };
}

/** Calls and finished attempts per second since the run started. */
export function measureOverallRates(progress: RunProgress): ProgressRates {
  const seconds = progress.elapsedMs / 1_000;
  if (seconds <= 0) return { callsPerSecond: 0, donePerSecond: 0 };
  return { callsPerSecond: progress.calls / seconds, donePerSecond: (progress.done - progress.skipped) / seconds };
}

export function formatProgressLine(progress: RunProgress, rates: ProgressRates, options: { simulated: boolean }): string {
  const parts: string[] = [];
  const total = progress.total;
  // `total` counts every attempt of the run, resumed ones included: so does the bar.
  const finished = progress.done + progress.skipped;
  if (total !== undefined && total > 0) {
    const share = Math.min(1, finished / total);
    const filled = Math.round(share * 20);
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${finished}/${total} ${Math.floor(share * 100)}%`);
  } else {
    parts.push(`${progress.done} done`);
  }
  if (progress.skipped > 0) parts.push(`${progress.skipped} resumed`);
  parts.push(`${rates.callsPerSecond.toFixed(1)} calls/s`);
  if (progress.cacheHits > 0) parts.push(`${progress.cacheHits} cached`);
  const errors = formatCounts(progress.errorsByKind);
  parts.push(errors ? `errors ${errors}` : 'no errors');
  const retries = formatCounts(progress.retriesByKind);
  if (retries) parts.push(`retried ${retries}`);
  parts.push(`$${progress.spentUsd.toFixed(progress.spentUsd < 1 ? 4 : 2)}`);
  if (total !== undefined && rates.donePerSecond > 0 && finished < total) {
    parts.push(`ETA ${formatDuration(((total - finished) / rates.donePerSecond) * 1_000)}`);
  }
  parts.push(formatDuration(progress.elapsedMs));
  if (progress.stopping) parts.push(progress.stopping === 'budget' ? 'stopping: budget reached' : 'stopping: interrupted, finishing calls in flight');
  if (options.simulated) parts.push('simulated');
  return parts.join(' · ');
}

function formatCounts(counts: Partial<Record<string, number>>): string {
  return Object.entries(counts)
    .filter(([, count]) => (count ?? 0) > 0)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1_000));
  const hours = Math.floor(seconds / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m${String(rest).padStart(2, '0')}s`;
  return `${rest}s`;
}
